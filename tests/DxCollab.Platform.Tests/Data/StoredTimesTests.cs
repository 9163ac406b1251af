using DxCollab.Platform.Data;

namespace DxCollab.Platform.Tests.Data;

public class StoredTimesTests
{
    [Fact]
    public void A_stored_time_read_back_unspecified_is_marked_UTC_without_moving()
    {
        var stored = new DateTime(2026, 12, 3, 2, 30, 0, DateTimeKind.Unspecified);
        stored.AsUtc().ShouldBe(new DateTime(2026, 12, 3, 2, 30, 0, DateTimeKind.Utc));
        stored.AsUtc().Kind.ShouldBe(DateTimeKind.Utc);
        ((DateTime?)null).AsUtc().ShouldBeNull();
    }
}
