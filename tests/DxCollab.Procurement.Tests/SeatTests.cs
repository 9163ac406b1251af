using System.Security.Claims;
using DxCollab.Platform.Identity;
using DxCollab.Procurement.Access;
using DxCollab.Procurement.Domain;

namespace DxCollab.Procurement.Tests;

public class SeatTests
{
    private static readonly Workspace Chat = new() { Subject = "ビジネスチャット", Title = "共同調達", LeadOrganizationCode = "271004", CreatedBy = "a" };

    private static ClaimsPrincipal Officer(string code) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Role, Roles.MunicipalOfficer), new Claim(DxClaims.OrganizationCode, code)], "test"));

    private static ClaimsPrincipal Staff() => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Role, Roles.PrefectureStaff), new Claim(DxClaims.OrganizationCode, "270008")], "test"));

    private static WorkspaceMember Row(string code, MemberRole role, MemberState state, string? tenant = null) => new()
    {
        OrganizationCode = code, OrganizationName = code, Role = role, State = state, InvitedBy = "a", OrganizationTenant = tenant,
    };

    [Fact]
    public void An_active_member_officer_edits_and_votes_but_does_not_manage()
    {
        var seat = Officer("272035").SeatIn(Chat, [Row("272035", MemberRole.Member, MemberState.Active)]);
        seat.Seat.ShouldBe(Seat.Member);
        (seat.MayEdit, seat.MayVote, seat.MayManage).ShouldBe((true, true, false));
    }

    [Fact]
    public void An_observer_reads_and_comments_only()
    {
        var seat = Officer("272035").SeatIn(Chat, [Row("272035", MemberRole.Observer, MemberState.Active)]);
        (seat.MayRead, seat.MayComment, seat.MayEdit, seat.MayVote).ShouldBe((true, true, false, false));
    }

    [Theory]
    [InlineData(MemberState.Invited)]
    [InlineData(MemberState.Left)]
    [InlineData(MemberState.Removed)]
    [InlineData(MemberState.Declined)]
    public void An_organisation_that_is_not_an_active_member_has_no_seat(MemberState state) =>
        Officer("272035").SeatIn(Chat, [Row("272035", MemberRole.Member, state)]).Seat.ShouldBe(Seat.None);

    [Fact]
    public void The_prefectures_staff_read_every_workspace_and_lead_when_the_prefecture_leads()
    {
        Staff().SeatIn(Chat, []).Seat.ShouldBe(Seat.StaffReader);
        Staff().SeatIn(Chat, [Row("270008", MemberRole.Lead, MemberState.Active)]).Seat.ShouldBe(Seat.Lead);
    }

    [Fact]
    public void A_row_of_another_prefectures_organisation_gives_this_tenants_user_no_seat() =>
        Officer("272035").SeatIn(Chat, [Row("272035", MemberRole.Member, MemberState.Active, tenant: "okayama")]).Seat.ShouldBe(Seat.None);
}
