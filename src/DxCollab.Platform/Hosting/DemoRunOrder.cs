namespace DxCollab.Platform.Hosting;

/// <summary>Orders demo contributors so each runs after those it names in <see cref="IDemoDataContributor.RunsAfter"/>;
/// otherwise registration order is kept. A cycle is a programming error and says which contributors form it.</summary>
public static class DemoRunOrder
{
    public static IReadOnlyList<IDemoDataContributor> InRunOrder(this IEnumerable<IDemoDataContributor> contributors)
    {
        var pending = contributors.ToList();
        var present = pending.Select(c => c.GetType()).ToHashSet();
        var done = new HashSet<Type>();
        var ordered = new List<IDemoDataContributor>(pending.Count);
        while (pending.Count > 0)
        {
            // The first (in registration order) whose prerequisites have all run.
            var next = pending.FirstOrDefault(c => c.RunsAfter.All(t => !present.Contains(t) || done.Contains(t)))
                ?? throw new InvalidOperationException("Demo contributors wait for each other (RunsAfter cycle): " +
                    string.Join(", ", pending.Select(c => c.GetType().Name)) + ".");
            pending.Remove(next);
            done.Add(next.GetType());
            ordered.Add(next);
        }
        return ordered;
    }
}
