using DxCollab.Platform.Data;
using DxCollab.TalentPool.Domain;
using DxCollab.TalentPool.Pool;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.Bench.Candidates;

/// <summary>A pool of 300 experts (2–4 skill areas each, some availability periods) and 2,000 past assignments over 43
/// 団体 with their month ledger, and one open request to rank (セキュリティポリシー, the next three months). Written
/// straight to the tables: the data is the subject, not the way it came. Fixed seed: the same data every run.</summary>
internal static class CandidatesSeed
{
    public const int Experts = 300, PastAssignments = 2000;

    public static async Task<long> RunAsync(CandidatesHost host, DateOnly today)
    {
        var random = new Random(20261203);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        return await host.InTenantAsync(async sp =>
        {
            var db = sp.GetRequiredService<DxCollabDbContext>();
            var pools = sp.GetRequiredService<PoolDirectory>();
            var pool = await pools.PrefecturePoolAsync();
            var areas = await pools.SkillAreasAsync();
            var experts = Enumerable.Range(1, Experts).Select(i => new Expert
            {
                PoolId = pool.Id, Name = $"専門人材 {i:000}", EngagementForm = (EngagementForm)(i % 7), MonthlyCapacityHours = 40 + i % 5 * 20,
                OnSiteDaysCap = i % 4 == 0 ? 0 : 3, OnlineHoursCap = i % 6 == 0 ? null : 40, Active = i % 25 != 0,
                CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            }).ToList();
            db.AddRange(experts);
            await db.SaveChangesAsync();
            foreach (var e in experts)
            {
                foreach (var area in areas.OrderBy(_ => random.Next()).Take(2 + random.Next(3)))
                    db.Add(new ExpertSkill { ExpertId = e.Id, SkillAreaId = area.Id, Level = 1 + random.Next(3) });
                if (random.Next(3) == 0)
                    db.Add(new ExpertAvailability { ExpertId = e.Id, From = thisMonth.AddMonths(random.Next(-2, 3)), To = thisMonth.AddMonths(random.Next(3, 9)) });
            }
            await db.SaveChangesAsync();

            string[] codes = [.. Enumerable.Range(0, 43).Select(i => $"27{2000 + i * 10:0000}")];
            var requests = codes.Select(c => new SupportRequest
            {
                OrganizationCode = c, ThemeKey = "network", Title = "過去の依頼", State = RequestState.Completed, CreatedBy = "bench",
                CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            }).ToList();
            db.AddRange(requests);
            await db.SaveChangesAsync();
            var booked = new Dictionary<(long, int), int>();
            for (var i = 0; i < PastAssignments; i++)
            {
                var expert = experts[random.Next(experts.Count)];
                var request = requests[random.Next(requests.Count)];
                var start = thisMonth.AddMonths(random.Next(-24, 4));
                var end = start.AddMonths(random.Next(0, 3));
                var hours = 1 + random.Next(4);
                var months = Enumerable.Range(0, end.Month - start.Month + 12 * (end.Year - start.Year) + 1).Select(m => ExpertMonthLoad.MonthKey(start.AddMonths(m))).ToList();
                if (months.Any(m => booked.GetValueOrDefault((expert.Id, m)) + hours > expert.MonthlyCapacityHours)) continue;
                foreach (var m in months) booked[(expert.Id, m)] = booked.GetValueOrDefault((expert.Id, m)) + hours;
                db.Add(new Assignment
                {
                    RequestId = request.Id, ExpertId = expert.Id, OrganizationCode = request.OrganizationCode, StartMonth = start, EndMonth = end,
                    HoursPerMonth = hours, Mode = SupportMode.Either, CreatedAt = DateTime.UtcNow, CreatedBy = "bench",
                    State = end < thisMonth ? AssignmentState.Completed : start > thisMonth ? AssignmentState.Planned : AssignmentState.Active,
                });
            }
            var capacity = experts.ToDictionary(e => e.Id, e => e.MonthlyCapacityHours);
            db.AddRange(booked.Select(b => new ExpertMonthLoad { ExpertId = b.Key.Item1, Month = b.Key.Item2, CapacityHours = capacity[b.Key.Item1], BookedHours = b.Value }));
            var target = new SupportRequest
            {
                OrganizationCode = codes[7], ThemeKey = "security-policy", Title = "セキュリティポリシーを改定したい", Mode = SupportMode.OnSite,
                PreferredFrom = thisMonth.AddMonths(1), PreferredTo = thisMonth.AddMonths(3).AddDays(20), CreatedBy = "bench",
                CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            };
            db.Add(target);
            await db.SaveChangesAsync();
            return target.Id;
        });
    }
}
