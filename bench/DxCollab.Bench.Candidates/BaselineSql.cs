using System.Data.Common;
using DxCollab.TalentPool.Domain;
using DxCollab.TalentPool.Matching;
using DxCollab.TalentPool.Requests;
using Npgsql;

namespace DxCollab.Bench.Candidates;

/// <summary>The baseline: one hand-written PostgreSQL query computing the same parts as the product (skill levels of the
/// theme's areas, fewest hours left in the period's months, this month's load, earlier work with the 団体, 兼務 count,
/// availability overlap), scored with the same weights and ordered, the request's period and theme given as parameters.</summary>
internal static class BaselineSql
{
    public const string Text = """
        SELECT e."Id", e."Name", sc.score, sc.remaining FROM "TalentPool_Experts" e
        CROSS JOIN LATERAL (
            SELECT
                COALESCE((SELECT SUM(es."Level") FROM "TalentPool_ExpertSkills" es JOIN "TalentPool_SkillAreas" a ON a."Id" = es."SkillAreaId"
                          WHERE es."ExpertId" = e."Id" AND es."TenantId" = @tenant AND a."Name" = ANY(@areas)), 0) AS skill,
                (SELECT MIN(COALESCE(l."CapacityHours" - l."BookedHours", e."MonthlyCapacityHours")) FROM unnest(@months) AS mk(month)
                 LEFT JOIN "TalentPool_MonthLoads" l ON l."ExpertId" = e."Id" AND l."Month" = mk.month AND l."TenantId" = @tenant) AS remaining,
                COALESCE((SELECT l."BookedHours" FROM "TalentPool_MonthLoads" l WHERE l."ExpertId" = e."Id" AND l."Month" = @thisMonth AND l."TenantId" = @tenant), 0) AS booked,
                (SELECT COUNT(*) FROM "TalentPool_Assignments" h WHERE h."ExpertId" = e."Id" AND h."TenantId" = @tenant AND h."OrganizationCode" = @org
                    AND h."RequestId" <> @request AND h."State" <> 'Cancelled') AS history,
                (SELECT COUNT(DISTINCT c."OrganizationCode") FROM "TalentPool_Assignments" c WHERE c."ExpertId" = e."Id" AND c."TenantId" = @tenant
                    AND c."State" IN ('Planned', 'Active') AND c."OrganizationCode" <> @org AND c."StartMonth" <= @thisMonthDate AND c."EndMonth" >= @thisMonthDate) AS concurrent,
                (SELECT COUNT(*) FROM "TalentPool_Availability" v WHERE v."ExpertId" = e."Id" AND v."TenantId" = @tenant) AS periods,
                (SELECT COUNT(*) FROM "TalentPool_Availability" v WHERE v."ExpertId" = e."Id" AND v."TenantId" = @tenant AND v."To" >= @from AND v."From" <= @to) AS overlapping
        ) parts
        CROSS JOIN LATERAL (
            SELECT GREATEST(parts.remaining, 0) AS remaining,
                ROUND(CASE WHEN @areaCount = 0 THEN 0 ELSE 40.0 * parts.skill / (3 * @areaCount) END)
                + CASE WHEN e."MonthlyCapacityHours" <= 0 OR parts.remaining <= 0 THEN 0 ELSE ROUND(20.0 * LEAST(parts.remaining, e."MonthlyCapacityHours") / e."MonthlyCapacityHours") END
                + CASE WHEN e."MonthlyCapacityHours" <= 0 THEN 0 ELSE ROUND(10.0 * (e."MonthlyCapacityHours" - LEAST(parts.booked, e."MonthlyCapacityHours")) / e."MonthlyCapacityHours") END
                + CASE WHEN parts.history > 0 THEN 10 ELSE 0 END
                - LEAST(9, 3 * parts.concurrent)
                + CASE WHEN parts.periods = 0 THEN 10 WHEN parts.overlapping > 0 THEN 5 ELSE 0 END
                + CASE WHEN @mode = 'OnSite' AND e."OnSiteDaysCap" = 0 THEN 0 WHEN @mode = 'Online' AND e."OnlineHoursCap" = 0 THEN 0 ELSE 10 END AS score
        ) sc
        WHERE e."TenantId" = @tenant AND e."Active"
          AND NOT EXISTS (SELECT 1 FROM "TalentPool_Assignments" x WHERE x."RequestId" = @request AND x."ExpertId" = e."Id" AND x."State" <> 'Cancelled')
        ORDER BY sc.score DESC, sc.remaining DESC, e."Name", e."Id"
        """;

    /// <summary>The request's facts as parameters (read once, as a hand-written report would have them at hand).</summary>
    public static void Bind(DbCommand command, string tenant, long requestId, DateOnly today, SupportRequest request)
    {
        var (from, to) = CandidateService.Period(request.PreferredFrom, request.PreferredTo, today);
        var areas = ThemeCatalog.Find(request.ThemeKey)?.SkillAreas ?? [];
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var p = ((NpgsqlCommand)command).Parameters;
        p.AddWithValue("tenant", tenant);
        p.AddWithValue("request", requestId);
        p.AddWithValue("org", request.OrganizationCode);
        p.AddWithValue("areas", areas.ToArray());
        p.AddWithValue("areaCount", areas.Count);
        p.AddWithValue("months", CapacityLedger.Months(from, to).Select(ExpertMonthLoad.MonthKey).ToArray());
        p.AddWithValue("thisMonth", ExpertMonthLoad.MonthKey(today));
        p.AddWithValue("thisMonthDate", thisMonth);
        p.AddWithValue("from", from);
        p.AddWithValue("to", to.AddMonths(1).AddDays(-1));
        p.AddWithValue("mode", request.Mode.ToString());
    }
}
