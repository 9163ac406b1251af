using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DxCollab.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class TenantFirstUniqueIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TalentPool_Satisfaction_RequestId_TenantId",
                table: "TalentPool_Satisfaction");

            migrationBuilder.DropIndex(
                name: "IX_TalentPool_Reports_AssignmentId_Kind_ActivityId_TenantId",
                table: "TalentPool_Reports");

            migrationBuilder.DropIndex(
                name: "IX_TalentPool_MonthLoads_ExpertId_Month_TenantId",
                table: "TalentPool_MonthLoads");

            migrationBuilder.DropIndex(
                name: "IX_TalentPool_ExpertSkills_ExpertId_SkillAreaId_TenantId",
                table: "TalentPool_ExpertSkills");

            migrationBuilder.DropIndex(
                name: "IX_Surveys_SectionAssignments_ResponseId_SectionKey_TenantId",
                table: "Surveys_SectionAssignments");

            migrationBuilder.DropIndex(
                name: "IX_Surveys_Responses_SurveyId_RespondentCode_TenantId",
                table: "Surveys_Responses");

            migrationBuilder.DropIndex(
                name: "IX_Surveys_NationalReceived_NationalSurveyId_TenantId",
                table: "Surveys_NationalReceived");

            migrationBuilder.DropIndex(
                name: "IX_Procurement_SpecificationRequests_RequestKey_TenantId",
                table: "Procurement_SpecificationRequests");

            migrationBuilder.DropIndex(
                name: "IX_Procurement_SpecificationAsks_RequestKey_TenantId",
                table: "Procurement_SpecificationAsks");

            migrationBuilder.DropIndex(
                name: "IX_Procurement_RfiAnswers_ItemId_VendorName_TenantId",
                table: "Procurement_RfiAnswers");

            migrationBuilder.DropIndex(
                name: "IX_Procurement_Members_WorkspaceId_OrganizationCode_TenantId",
                table: "Procurement_Members");

            migrationBuilder.DropIndex(
                name: "IX_Procurement_IntentAnswers_PollId_OrganizationCode_TenantId",
                table: "Procurement_IntentAnswers");

            migrationBuilder.DropIndex(
                name: "IX_Procurement_DocumentRevisions_DocumentId_Number_TenantId",
                table: "Procurement_DocumentRevisions");

            migrationBuilder.DropIndex(
                name: "IX_Procurement_DocumentFolders_WorkspaceId_Name_TenantId",
                table: "Procurement_DocumentFolders");

            migrationBuilder.DropIndex(
                name: "IX_Procurement_CostShareLines_CostShareId_OrganizationCode_TenantId",
                table: "Procurement_CostShareLines");

            migrationBuilder.DropIndex(
                name: "IX_Procurement_CasePublications_CaseKey_TenantId",
                table: "Procurement_CasePublications");

            migrationBuilder.DropIndex(
                name: "IX_Procurement_CasePublications_WorkspaceId_TenantId",
                table: "Procurement_CasePublications");

            migrationBuilder.DropIndex(
                name: "IX_Procurement_ApprovalVerdicts_RequestId_OrganizationCode_TenantId",
                table: "Procurement_ApprovalVerdicts");

            migrationBuilder.DropIndex(
                name: "IX_Procurement_ApprovalRequests_RevisionId_TenantId",
                table: "Procurement_ApprovalRequests");

            migrationBuilder.DropIndex(
                name: "IX_Procurement_Agreements_WorkspaceId_TenantId",
                table: "Procurement_Agreements");

            migrationBuilder.DropIndex(
                name: "IX_Platform_ThreadAttachments_FileId_TenantId",
                table: "Platform_ThreadAttachments");

            migrationBuilder.DropIndex(
                name: "IX_Platform_SentReminders_Key_TenantId",
                table: "Platform_SentReminders");

            migrationBuilder.DropIndex(
                name: "IX_Platform_Organizations_Code_TenantId",
                table: "Platform_Organizations");

            migrationBuilder.DropIndex(
                name: "IX_Platform_NotificationPreferences_UserId_TenantId",
                table: "Platform_NotificationPreferences");

            migrationBuilder.DropIndex(
                name: "IX_Migration_StepTallies_OrganizationCode_StepNumber_TenantId",
                table: "Migration_StepTallies");

            migrationBuilder.DropIndex(
                name: "IX_Migration_StepProgress_OrganizationCode_BusinessNumber_StepNumber_TenantId",
                table: "Migration_StepProgress");

            migrationBuilder.DropIndex(
                name: "IX_Migration_StepEvidence_FileId_TenantId",
                table: "Migration_StepEvidence");

            migrationBuilder.DropIndex(
                name: "IX_Migration_Snapshots_Month_TenantId",
                table: "Migration_Snapshots");

            migrationBuilder.DropIndex(
                name: "IX_Migration_SnapshotRows_SnapshotId_OrganizationCode_BusinessNumber_TenantId",
                table: "Migration_SnapshotRows");

            migrationBuilder.DropIndex(
                name: "IX_Migration_BusinessTallies_OrganizationCode_BusinessNumber_TenantId",
                table: "Migration_BusinessTallies");

            migrationBuilder.DropIndex(
                name: "IX_Migration_BusinessSystems_OrganizationCode_BusinessNumber_TenantId",
                table: "Migration_BusinessSystems");

            migrationBuilder.DropIndex(
                name: "EmailIndex",
                table: "Identity_Users");

            migrationBuilder.DropIndex(
                name: "UserNameIndex",
                table: "Identity_Users");

            migrationBuilder.CreateIndex(
                name: "IX_TalentPool_Satisfaction_RequestId",
                table: "TalentPool_Satisfaction",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_TalentPool_Satisfaction_TenantId_RequestId",
                table: "TalentPool_Satisfaction",
                columns: new[] { "TenantId", "RequestId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TalentPool_Reports_AssignmentId",
                table: "TalentPool_Reports",
                column: "AssignmentId");

            migrationBuilder.CreateIndex(
                name: "IX_TalentPool_Reports_TenantId_AssignmentId_Kind_ActivityId",
                table: "TalentPool_Reports",
                columns: new[] { "TenantId", "AssignmentId", "Kind", "ActivityId" },
                unique: true,
                filter: "[ActivityId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_TalentPool_MonthLoads_ExpertId",
                table: "TalentPool_MonthLoads",
                column: "ExpertId");

            migrationBuilder.CreateIndex(
                name: "IX_TalentPool_MonthLoads_TenantId_ExpertId_Month",
                table: "TalentPool_MonthLoads",
                columns: new[] { "TenantId", "ExpertId", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TalentPool_ExpertSkills_ExpertId",
                table: "TalentPool_ExpertSkills",
                column: "ExpertId");

            migrationBuilder.CreateIndex(
                name: "IX_TalentPool_ExpertSkills_TenantId_ExpertId_SkillAreaId",
                table: "TalentPool_ExpertSkills",
                columns: new[] { "TenantId", "ExpertId", "SkillAreaId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_SectionAssignments_ResponseId",
                table: "Surveys_SectionAssignments",
                column: "ResponseId");

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_SectionAssignments_TenantId_ResponseId_SectionKey",
                table: "Surveys_SectionAssignments",
                columns: new[] { "TenantId", "ResponseId", "SectionKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_Responses_SurveyId",
                table: "Surveys_Responses",
                column: "SurveyId");

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_Responses_TenantId_SurveyId_RespondentCode",
                table: "Surveys_Responses",
                columns: new[] { "TenantId", "SurveyId", "RespondentCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_NationalReceived_TenantId_NationalSurveyId",
                table: "Surveys_NationalReceived",
                columns: new[] { "TenantId", "NationalSurveyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_SpecificationRequests_TenantId_RequestKey",
                table: "Procurement_SpecificationRequests",
                columns: new[] { "TenantId", "RequestKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_SpecificationAsks_TenantId_RequestKey",
                table: "Procurement_SpecificationAsks",
                columns: new[] { "TenantId", "RequestKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_RfiAnswers_ItemId",
                table: "Procurement_RfiAnswers",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_RfiAnswers_TenantId_ItemId_VendorName",
                table: "Procurement_RfiAnswers",
                columns: new[] { "TenantId", "ItemId", "VendorName" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_Members_TenantId_WorkspaceId_OrganizationCode",
                table: "Procurement_Members",
                columns: new[] { "TenantId", "WorkspaceId", "OrganizationCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_Members_WorkspaceId",
                table: "Procurement_Members",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_IntentAnswers_PollId",
                table: "Procurement_IntentAnswers",
                column: "PollId");

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_IntentAnswers_TenantId_PollId_OrganizationCode",
                table: "Procurement_IntentAnswers",
                columns: new[] { "TenantId", "PollId", "OrganizationCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_DocumentRevisions_DocumentId",
                table: "Procurement_DocumentRevisions",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_DocumentRevisions_TenantId_DocumentId_Number",
                table: "Procurement_DocumentRevisions",
                columns: new[] { "TenantId", "DocumentId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_DocumentFolders_TenantId_WorkspaceId_Name",
                table: "Procurement_DocumentFolders",
                columns: new[] { "TenantId", "WorkspaceId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_DocumentFolders_WorkspaceId",
                table: "Procurement_DocumentFolders",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_CostShareLines_CostShareId",
                table: "Procurement_CostShareLines",
                column: "CostShareId");

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_CostShareLines_TenantId_CostShareId_OrganizationCode",
                table: "Procurement_CostShareLines",
                columns: new[] { "TenantId", "CostShareId", "OrganizationCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_CasePublications_TenantId_CaseKey",
                table: "Procurement_CasePublications",
                columns: new[] { "TenantId", "CaseKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_CasePublications_TenantId_WorkspaceId",
                table: "Procurement_CasePublications",
                columns: new[] { "TenantId", "WorkspaceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_CasePublications_WorkspaceId",
                table: "Procurement_CasePublications",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_ApprovalVerdicts_RequestId",
                table: "Procurement_ApprovalVerdicts",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_ApprovalVerdicts_TenantId_RequestId_OrganizationCode",
                table: "Procurement_ApprovalVerdicts",
                columns: new[] { "TenantId", "RequestId", "OrganizationCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_ApprovalRequests_RevisionId",
                table: "Procurement_ApprovalRequests",
                column: "RevisionId");

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_ApprovalRequests_TenantId_RevisionId",
                table: "Procurement_ApprovalRequests",
                columns: new[] { "TenantId", "RevisionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_Agreements_TenantId_WorkspaceId",
                table: "Procurement_Agreements",
                columns: new[] { "TenantId", "WorkspaceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_Agreements_WorkspaceId",
                table: "Procurement_Agreements",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_Platform_ThreadAttachments_TenantId_FileId",
                table: "Platform_ThreadAttachments",
                columns: new[] { "TenantId", "FileId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Platform_SentReminders_TenantId_Key",
                table: "Platform_SentReminders",
                columns: new[] { "TenantId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Platform_Organizations_TenantId_Code",
                table: "Platform_Organizations",
                columns: new[] { "TenantId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Platform_NotificationPreferences_TenantId_UserId",
                table: "Platform_NotificationPreferences",
                columns: new[] { "TenantId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Platform_NotificationPreferences_UserId",
                table: "Platform_NotificationPreferences",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Migration_StepTallies_TenantId_OrganizationCode_StepNumber",
                table: "Migration_StepTallies",
                columns: new[] { "TenantId", "OrganizationCode", "StepNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Migration_StepProgress_TenantId_OrganizationCode_BusinessNumber_StepNumber",
                table: "Migration_StepProgress",
                columns: new[] { "TenantId", "OrganizationCode", "BusinessNumber", "StepNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Migration_StepEvidence_TenantId_FileId",
                table: "Migration_StepEvidence",
                columns: new[] { "TenantId", "FileId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Migration_Snapshots_TenantId_Month",
                table: "Migration_Snapshots",
                columns: new[] { "TenantId", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Migration_SnapshotRows_SnapshotId",
                table: "Migration_SnapshotRows",
                column: "SnapshotId");

            migrationBuilder.CreateIndex(
                name: "IX_Migration_SnapshotRows_TenantId_SnapshotId_OrganizationCode_BusinessNumber",
                table: "Migration_SnapshotRows",
                columns: new[] { "TenantId", "SnapshotId", "OrganizationCode", "BusinessNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Migration_BusinessTallies_TenantId_OrganizationCode_BusinessNumber",
                table: "Migration_BusinessTallies",
                columns: new[] { "TenantId", "OrganizationCode", "BusinessNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Migration_BusinessSystems_TenantId_OrganizationCode_BusinessNumber",
                table: "Migration_BusinessSystems",
                columns: new[] { "TenantId", "OrganizationCode", "BusinessNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "Identity_Users",
                columns: new[] { "TenantId", "NormalizedEmail" },
                unique: true,
                filter: "[NormalizedEmail] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "Identity_Users",
                columns: new[] { "TenantId", "NormalizedUserName" },
                unique: true,
                filter: "[NormalizedUserName] IS NOT NULL");
            migrationBuilder.ApplyTenantSecurity();
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TalentPool_Satisfaction_RequestId",
                table: "TalentPool_Satisfaction");

            migrationBuilder.DropIndex(
                name: "IX_TalentPool_Satisfaction_TenantId_RequestId",
                table: "TalentPool_Satisfaction");

            migrationBuilder.DropIndex(
                name: "IX_TalentPool_Reports_AssignmentId",
                table: "TalentPool_Reports");

            migrationBuilder.DropIndex(
                name: "IX_TalentPool_Reports_TenantId_AssignmentId_Kind_ActivityId",
                table: "TalentPool_Reports");

            migrationBuilder.DropIndex(
                name: "IX_TalentPool_MonthLoads_ExpertId",
                table: "TalentPool_MonthLoads");

            migrationBuilder.DropIndex(
                name: "IX_TalentPool_MonthLoads_TenantId_ExpertId_Month",
                table: "TalentPool_MonthLoads");

            migrationBuilder.DropIndex(
                name: "IX_TalentPool_ExpertSkills_ExpertId",
                table: "TalentPool_ExpertSkills");

            migrationBuilder.DropIndex(
                name: "IX_TalentPool_ExpertSkills_TenantId_ExpertId_SkillAreaId",
                table: "TalentPool_ExpertSkills");

            migrationBuilder.DropIndex(
                name: "IX_Surveys_SectionAssignments_ResponseId",
                table: "Surveys_SectionAssignments");

            migrationBuilder.DropIndex(
                name: "IX_Surveys_SectionAssignments_TenantId_ResponseId_SectionKey",
                table: "Surveys_SectionAssignments");

            migrationBuilder.DropIndex(
                name: "IX_Surveys_Responses_SurveyId",
                table: "Surveys_Responses");

            migrationBuilder.DropIndex(
                name: "IX_Surveys_Responses_TenantId_SurveyId_RespondentCode",
                table: "Surveys_Responses");

            migrationBuilder.DropIndex(
                name: "IX_Surveys_NationalReceived_TenantId_NationalSurveyId",
                table: "Surveys_NationalReceived");

            migrationBuilder.DropIndex(
                name: "IX_Procurement_SpecificationRequests_TenantId_RequestKey",
                table: "Procurement_SpecificationRequests");

            migrationBuilder.DropIndex(
                name: "IX_Procurement_SpecificationAsks_TenantId_RequestKey",
                table: "Procurement_SpecificationAsks");

            migrationBuilder.DropIndex(
                name: "IX_Procurement_RfiAnswers_ItemId",
                table: "Procurement_RfiAnswers");

            migrationBuilder.DropIndex(
                name: "IX_Procurement_RfiAnswers_TenantId_ItemId_VendorName",
                table: "Procurement_RfiAnswers");

            migrationBuilder.DropIndex(
                name: "IX_Procurement_Members_TenantId_WorkspaceId_OrganizationCode",
                table: "Procurement_Members");

            migrationBuilder.DropIndex(
                name: "IX_Procurement_Members_WorkspaceId",
                table: "Procurement_Members");

            migrationBuilder.DropIndex(
                name: "IX_Procurement_IntentAnswers_PollId",
                table: "Procurement_IntentAnswers");

            migrationBuilder.DropIndex(
                name: "IX_Procurement_IntentAnswers_TenantId_PollId_OrganizationCode",
                table: "Procurement_IntentAnswers");

            migrationBuilder.DropIndex(
                name: "IX_Procurement_DocumentRevisions_DocumentId",
                table: "Procurement_DocumentRevisions");

            migrationBuilder.DropIndex(
                name: "IX_Procurement_DocumentRevisions_TenantId_DocumentId_Number",
                table: "Procurement_DocumentRevisions");

            migrationBuilder.DropIndex(
                name: "IX_Procurement_DocumentFolders_TenantId_WorkspaceId_Name",
                table: "Procurement_DocumentFolders");

            migrationBuilder.DropIndex(
                name: "IX_Procurement_DocumentFolders_WorkspaceId",
                table: "Procurement_DocumentFolders");

            migrationBuilder.DropIndex(
                name: "IX_Procurement_CostShareLines_CostShareId",
                table: "Procurement_CostShareLines");

            migrationBuilder.DropIndex(
                name: "IX_Procurement_CostShareLines_TenantId_CostShareId_OrganizationCode",
                table: "Procurement_CostShareLines");

            migrationBuilder.DropIndex(
                name: "IX_Procurement_CasePublications_TenantId_CaseKey",
                table: "Procurement_CasePublications");

            migrationBuilder.DropIndex(
                name: "IX_Procurement_CasePublications_TenantId_WorkspaceId",
                table: "Procurement_CasePublications");

            migrationBuilder.DropIndex(
                name: "IX_Procurement_CasePublications_WorkspaceId",
                table: "Procurement_CasePublications");

            migrationBuilder.DropIndex(
                name: "IX_Procurement_ApprovalVerdicts_RequestId",
                table: "Procurement_ApprovalVerdicts");

            migrationBuilder.DropIndex(
                name: "IX_Procurement_ApprovalVerdicts_TenantId_RequestId_OrganizationCode",
                table: "Procurement_ApprovalVerdicts");

            migrationBuilder.DropIndex(
                name: "IX_Procurement_ApprovalRequests_RevisionId",
                table: "Procurement_ApprovalRequests");

            migrationBuilder.DropIndex(
                name: "IX_Procurement_ApprovalRequests_TenantId_RevisionId",
                table: "Procurement_ApprovalRequests");

            migrationBuilder.DropIndex(
                name: "IX_Procurement_Agreements_TenantId_WorkspaceId",
                table: "Procurement_Agreements");

            migrationBuilder.DropIndex(
                name: "IX_Procurement_Agreements_WorkspaceId",
                table: "Procurement_Agreements");

            migrationBuilder.DropIndex(
                name: "IX_Platform_ThreadAttachments_TenantId_FileId",
                table: "Platform_ThreadAttachments");

            migrationBuilder.DropIndex(
                name: "IX_Platform_SentReminders_TenantId_Key",
                table: "Platform_SentReminders");

            migrationBuilder.DropIndex(
                name: "IX_Platform_Organizations_TenantId_Code",
                table: "Platform_Organizations");

            migrationBuilder.DropIndex(
                name: "IX_Platform_NotificationPreferences_TenantId_UserId",
                table: "Platform_NotificationPreferences");

            migrationBuilder.DropIndex(
                name: "IX_Platform_NotificationPreferences_UserId",
                table: "Platform_NotificationPreferences");

            migrationBuilder.DropIndex(
                name: "IX_Migration_StepTallies_TenantId_OrganizationCode_StepNumber",
                table: "Migration_StepTallies");

            migrationBuilder.DropIndex(
                name: "IX_Migration_StepProgress_TenantId_OrganizationCode_BusinessNumber_StepNumber",
                table: "Migration_StepProgress");

            migrationBuilder.DropIndex(
                name: "IX_Migration_StepEvidence_TenantId_FileId",
                table: "Migration_StepEvidence");

            migrationBuilder.DropIndex(
                name: "IX_Migration_Snapshots_TenantId_Month",
                table: "Migration_Snapshots");

            migrationBuilder.DropIndex(
                name: "IX_Migration_SnapshotRows_SnapshotId",
                table: "Migration_SnapshotRows");

            migrationBuilder.DropIndex(
                name: "IX_Migration_SnapshotRows_TenantId_SnapshotId_OrganizationCode_BusinessNumber",
                table: "Migration_SnapshotRows");

            migrationBuilder.DropIndex(
                name: "IX_Migration_BusinessTallies_TenantId_OrganizationCode_BusinessNumber",
                table: "Migration_BusinessTallies");

            migrationBuilder.DropIndex(
                name: "IX_Migration_BusinessSystems_TenantId_OrganizationCode_BusinessNumber",
                table: "Migration_BusinessSystems");

            migrationBuilder.DropIndex(
                name: "EmailIndex",
                table: "Identity_Users");

            migrationBuilder.DropIndex(
                name: "UserNameIndex",
                table: "Identity_Users");

            migrationBuilder.CreateIndex(
                name: "IX_TalentPool_Satisfaction_RequestId_TenantId",
                table: "TalentPool_Satisfaction",
                columns: new[] { "RequestId", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TalentPool_Reports_AssignmentId_Kind_ActivityId_TenantId",
                table: "TalentPool_Reports",
                columns: new[] { "AssignmentId", "Kind", "ActivityId", "TenantId" },
                unique: true,
                filter: "[ActivityId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_TalentPool_MonthLoads_ExpertId_Month_TenantId",
                table: "TalentPool_MonthLoads",
                columns: new[] { "ExpertId", "Month", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TalentPool_ExpertSkills_ExpertId_SkillAreaId_TenantId",
                table: "TalentPool_ExpertSkills",
                columns: new[] { "ExpertId", "SkillAreaId", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_SectionAssignments_ResponseId_SectionKey_TenantId",
                table: "Surveys_SectionAssignments",
                columns: new[] { "ResponseId", "SectionKey", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_Responses_SurveyId_RespondentCode_TenantId",
                table: "Surveys_Responses",
                columns: new[] { "SurveyId", "RespondentCode", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_NationalReceived_NationalSurveyId_TenantId",
                table: "Surveys_NationalReceived",
                columns: new[] { "NationalSurveyId", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_SpecificationRequests_RequestKey_TenantId",
                table: "Procurement_SpecificationRequests",
                columns: new[] { "RequestKey", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_SpecificationAsks_RequestKey_TenantId",
                table: "Procurement_SpecificationAsks",
                columns: new[] { "RequestKey", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_RfiAnswers_ItemId_VendorName_TenantId",
                table: "Procurement_RfiAnswers",
                columns: new[] { "ItemId", "VendorName", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_Members_WorkspaceId_OrganizationCode_TenantId",
                table: "Procurement_Members",
                columns: new[] { "WorkspaceId", "OrganizationCode", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_IntentAnswers_PollId_OrganizationCode_TenantId",
                table: "Procurement_IntentAnswers",
                columns: new[] { "PollId", "OrganizationCode", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_DocumentRevisions_DocumentId_Number_TenantId",
                table: "Procurement_DocumentRevisions",
                columns: new[] { "DocumentId", "Number", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_DocumentFolders_WorkspaceId_Name_TenantId",
                table: "Procurement_DocumentFolders",
                columns: new[] { "WorkspaceId", "Name", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_CostShareLines_CostShareId_OrganizationCode_TenantId",
                table: "Procurement_CostShareLines",
                columns: new[] { "CostShareId", "OrganizationCode", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_CasePublications_CaseKey_TenantId",
                table: "Procurement_CasePublications",
                columns: new[] { "CaseKey", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_CasePublications_WorkspaceId_TenantId",
                table: "Procurement_CasePublications",
                columns: new[] { "WorkspaceId", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_ApprovalVerdicts_RequestId_OrganizationCode_TenantId",
                table: "Procurement_ApprovalVerdicts",
                columns: new[] { "RequestId", "OrganizationCode", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_ApprovalRequests_RevisionId_TenantId",
                table: "Procurement_ApprovalRequests",
                columns: new[] { "RevisionId", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_Agreements_WorkspaceId_TenantId",
                table: "Procurement_Agreements",
                columns: new[] { "WorkspaceId", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Platform_ThreadAttachments_FileId_TenantId",
                table: "Platform_ThreadAttachments",
                columns: new[] { "FileId", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Platform_SentReminders_Key_TenantId",
                table: "Platform_SentReminders",
                columns: new[] { "Key", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Platform_Organizations_Code_TenantId",
                table: "Platform_Organizations",
                columns: new[] { "Code", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Platform_NotificationPreferences_UserId_TenantId",
                table: "Platform_NotificationPreferences",
                columns: new[] { "UserId", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Migration_StepTallies_OrganizationCode_StepNumber_TenantId",
                table: "Migration_StepTallies",
                columns: new[] { "OrganizationCode", "StepNumber", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Migration_StepProgress_OrganizationCode_BusinessNumber_StepNumber_TenantId",
                table: "Migration_StepProgress",
                columns: new[] { "OrganizationCode", "BusinessNumber", "StepNumber", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Migration_StepEvidence_FileId_TenantId",
                table: "Migration_StepEvidence",
                columns: new[] { "FileId", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Migration_Snapshots_Month_TenantId",
                table: "Migration_Snapshots",
                columns: new[] { "Month", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Migration_SnapshotRows_SnapshotId_OrganizationCode_BusinessNumber_TenantId",
                table: "Migration_SnapshotRows",
                columns: new[] { "SnapshotId", "OrganizationCode", "BusinessNumber", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Migration_BusinessTallies_OrganizationCode_BusinessNumber_TenantId",
                table: "Migration_BusinessTallies",
                columns: new[] { "OrganizationCode", "BusinessNumber", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Migration_BusinessSystems_OrganizationCode_BusinessNumber_TenantId",
                table: "Migration_BusinessSystems",
                columns: new[] { "OrganizationCode", "BusinessNumber", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "Identity_Users",
                columns: new[] { "NormalizedEmail", "TenantId" },
                unique: true,
                filter: "[NormalizedEmail] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "Identity_Users",
                columns: new[] { "NormalizedUserName", "TenantId" },
                unique: true,
                filter: "[NormalizedUserName] IS NOT NULL");
        }
    }
}
