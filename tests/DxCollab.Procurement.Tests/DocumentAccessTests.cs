using DxCollab.Procurement.Access;
using DxCollab.Procurement.Documents;
using DxCollab.Procurement.Domain;

namespace DxCollab.Procurement.Tests;

/// <summary>The labels each seat sees, before and after the tender, and the labels as forms and JSON send them.</summary>
public class DocumentAccessTests
{
    [Theory]
    [InlineData(Seat.Lead, "Public,MembersOnly,Sensitive")]
    [InlineData(Seat.Member, "Public,MembersOnly,Sensitive")]
    [InlineData(Seat.Observer, "Public,MembersOnly")]
    [InlineData(Seat.StaffReader, "Public")]
    [InlineData(Seat.None, "")]
    public void Until_the_tender_is_passed_a_sensitive_document_is_for_the_lead_and_members_only(Seat seat, string labels)
    {
        foreach (var phase in new[] { ProcurementPhase.Study, ProcurementPhase.Specification, ProcurementPhase.Rfi, ProcurementPhase.Rfp })
            string.Join(",", DocumentAccess.Visible(seat, phase)).ShouldBe(labels);
    }

    [Theory]
    [InlineData(Seat.Observer, "Public,MembersOnly,Sensitive")]
    [InlineData(Seat.StaffReader, "Public")]
    public void From_the_contract_on_observers_see_the_specification_and_the_staff_without_a_seat_still_do_not(Seat seat, string labels)
    {
        foreach (var phase in new[] { ProcurementPhase.Contract, ProcurementPhase.Rollout, ProcurementPhase.Operation })
            string.Join(",", DocumentAccess.Visible(seat, phase)).ShouldBe(labels);
    }

    [Fact]
    public void A_remote_member_organisation_sees_by_its_role_as_a_local_one_does()
    {
        DocumentAccess.Visible(MemberRole.Observer, ProcurementPhase.Rfp).ShouldBe(DocumentAccess.Visible(Seat.Observer, ProcurementPhase.Rfp));
        DocumentAccess.Visible(MemberRole.Member, ProcurementPhase.Rfp).ShouldContain(Confidentiality.Sensitive);
    }

    [Theory]
    [InlineData("機微", Confidentiality.Sensitive)]
    [InlineData(" 参加団体限り ", Confidentiality.MembersOnly)]
    [InlineData("public", Confidentiality.Public)]
    [InlineData("社外秘", null)]
    [InlineData("", null)]
    public void Labels_are_read_in_Japanese_or_by_name(string text, Confidentiality? expected) => DocumentAccess.Parse(text).ShouldBe(expected);
}
