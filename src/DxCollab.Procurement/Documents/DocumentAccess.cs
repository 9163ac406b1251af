using DxCollab.Procurement.Access;
using DxCollab.Procurement.Domain;

namespace DxCollab.Procurement.Documents;

/// <summary>Who sees a document, by its label, in listing and download alike (what one may not download is not listed):
/// <list type="bullet">
/// <item>公開可: every reader, the prefecture's staff reading without a seat (StaffReader) included.</item>
/// <item>参加団体限り: the member organisations (lead, members, observers), not the prefecture's staff as readers —
/// the label says "participating bodies only", and the prefecture takes part only when it is itself a member.</item>
/// <item>機微 (a specification before the tender): the lead and members only until the phase passes RFP・入札; from 契約
/// on it reads as 参加団体限り (observers too). Never the prefecture's staff unless the prefecture is a member.</item>
/// </list></summary>
public static class DocumentAccess
{
    public static string ToJapanese(this Confidentiality label) => label switch
    {
        Confidentiality.Public => "公開可",
        Confidentiality.MembersOnly => "参加団体限り",
        Confidentiality.Sensitive => "機微",
        _ => label.ToString(),
    };

    /// <summary>The labels a seat may see in a workspace at this phase.</summary>
    public static IReadOnlyList<Confidentiality> Visible(Seat seat, ProcurementPhase phase) => seat switch
    {
        Seat.Lead or Seat.Member => [Confidentiality.Public, Confidentiality.MembersOnly, Confidentiality.Sensitive],
        Seat.Observer => phase > ProcurementPhase.Rfp
            ? [Confidentiality.Public, Confidentiality.MembersOnly, Confidentiality.Sensitive]
            : [Confidentiality.Public, Confidentiality.MembersOnly],
        Seat.StaffReader => [Confidentiality.Public],
        _ => [],
    };

    /// <summary>The same for a member organisation by its role (another prefecture's, through <c>IWorkspaceContent</c>).</summary>
    public static IReadOnlyList<Confidentiality> Visible(MemberRole role, ProcurementPhase phase) =>
        Visible(role switch { MemberRole.Lead => Seat.Lead, MemberRole.Member => Seat.Member, _ => Seat.Observer }, phase);

    public static bool MaySee(this WorkspaceSeat seat, Confidentiality label, ProcurementPhase phase) => Visible(seat.Seat, phase).Contains(label);

    /// <summary>Parses 「Public」 or 「公開可」 (and the other labels) from a form or JSON.</summary>
    public static Confidentiality? Parse(string? text)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value)) return null;
        foreach (var label in Enum.GetValues<Confidentiality>())
            if (string.Equals(value, label.ToString(), StringComparison.OrdinalIgnoreCase) || value == label.ToJapanese()) return label;
        return null;
    }
}
