using DxCollab.Platform.Modules;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Surveys.Domain;

/// <summary>The module's tables (Surveys_*). States are stored by name so the database reads plainly; forms and
/// answers are JSON documents (one row per survey, one per respondent).</summary>
public sealed class SurveysModel : IModelContributor
{
    public void Configure(ModelBuilder b)
    {
        b.Entity<Survey>(e =>
        {
            e.ToTable("Surveys_Surveys");
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Purpose).HasMaxLength(4000);
            e.Property(x => x.LegalBasis).HasMaxLength(1000);
            e.Property(x => x.Contact).HasMaxLength(500);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.Property(x => x.UpdatedBy).HasMaxLength(256);
            e.Ignore(x => x.Form);
            e.HasIndex(x => new { x.State, x.Deadline });
            e.HasIndex(x => x.FiscalYear);
            e.HasIndex(x => x.NationalSurveyId);
        });
        b.Entity<SurveyResponse>(e =>
        {
            e.ToTable("Surveys_Responses");
            e.Property(x => x.RespondentCode).HasMaxLength(20);
            e.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Property(x => x.LastSavedBy).HasMaxLength(256);
            e.Property(x => x.SubmittedBy).HasMaxLength(256);
            e.Property(x => x.ReturnedBy).HasMaxLength(256);
            e.Property(x => x.ReturnComment).HasMaxLength(2000);
            e.Ignore(x => x.IsDepartment);
            e.HasIndex(x => new { x.SurveyId, x.RespondentCode }).IsUnique();
            e.HasOne<Survey>().WithMany().HasForeignKey(x => x.SurveyId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<SurveyResponseEvent>(e =>
        {
            e.ToTable("Surveys_ResponseEvents");
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.By).HasMaxLength(256);
            e.Property(x => x.Detail).HasMaxLength(2000);
            e.HasIndex(x => new { x.ResponseId, x.At });
            e.HasOne<SurveyResponse>().WithMany().HasForeignKey(x => x.ResponseId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<SurveyExtensionRequest>(e =>
        {
            e.ToTable("Surveys_ExtensionRequests");
            e.Property(x => x.Reason).HasMaxLength(1000);
            e.Property(x => x.Decision).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.RequestedBy).HasMaxLength(256);
            e.Property(x => x.DecidedBy).HasMaxLength(256);
            e.Property(x => x.DecisionComment).HasMaxLength(1000);
            e.HasIndex(x => x.ResponseId);
            e.HasOne<SurveyResponse>().WithMany().HasForeignKey(x => x.ResponseId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<SurveySectionAssignment>(e =>
        {
            e.ToTable("Surveys_SectionAssignments");
            e.Property(x => x.SectionKey).HasMaxLength(50);
            e.Property(x => x.AssigneeUserId).HasMaxLength(450);
            e.Property(x => x.AssigneeName).HasMaxLength(256);
            e.Property(x => x.Note).HasMaxLength(1000);
            e.Property(x => x.AssignedBy).HasMaxLength(256);
            e.HasIndex(x => new { x.ResponseId, x.SectionKey }).IsUnique();
            e.HasOne<SurveyResponse>().WithMany().HasForeignKey(x => x.ResponseId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<SurveyDepartment>(e =>
        {
            e.ToTable("Surveys_Departments");
            e.Property(x => x.Name).HasMaxLength(100);
        });
        Relay.NationalSurveyModel.Configure(b);
    }
}
