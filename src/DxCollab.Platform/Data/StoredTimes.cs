namespace DxCollab.Platform.Data;

/// <summary>Times are stored in UTC, but SQLite and SQL Server hand them back with Kind Unspecified. Marked UTC, they
/// serialise with a "Z" and convert to Asia/Tokyo correctly.</summary>
public static class StoredTimes
{
    public static DateTime AsUtc(this DateTime stored) => DateTime.SpecifyKind(stored, DateTimeKind.Utc);

    public static DateTime? AsUtc(this DateTime? stored) => stored is { } value ? value.AsUtc() : null;
}
