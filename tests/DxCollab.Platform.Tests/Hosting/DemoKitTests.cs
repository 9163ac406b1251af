using DxCollab.Platform.Hosting;
using DxCollab.Platform.Tenancy;

namespace DxCollab.Platform.Tests.Hosting;

public sealed class DemoKitTests
{
    // A class that names RunsAfter lists the interface itself, as real contributors do, to replace the default.
    private abstract class Contributor : IDemoDataContributor
    {
        public Task SeedAsync(PrefectureTenant tenant, IServiceProvider services, CancellationToken ct) => Task.CompletedTask;
    }

    private sealed class Statuses : Contributor;

    private sealed class Snapshots : Contributor, IDemoDataContributor
    {
        public IReadOnlyCollection<Type> RunsAfter => [typeof(Statuses)];
    }

    private sealed class Threads : Contributor, IDemoDataContributor
    {
        public IReadOnlyCollection<Type> RunsAfter => [typeof(Statuses), typeof(NotRegistered)];
    }

    private sealed class NotRegistered : Contributor;

    private sealed class Chicken : Contributor, IDemoDataContributor
    {
        public IReadOnlyCollection<Type> RunsAfter => [typeof(Egg)];
    }

    private sealed class Egg : Contributor, IDemoDataContributor
    {
        public IReadOnlyCollection<Type> RunsAfter => [typeof(Chicken)];
    }

    [Fact]
    public void Contributors_run_after_what_they_build_on_and_otherwise_in_registration_order()
    {
        IDemoDataContributor[] registered = [new Snapshots(), new Threads(), new Statuses()];

        registered.InRunOrder().Select(c => c.GetType().Name).ShouldBe(["Statuses", "Snapshots", "Threads"]);
    }

    [Fact]
    public void A_contributor_left_out_of_the_run_does_not_hold_up_the_ones_after_it() =>
        new IDemoDataContributor[] { new Snapshots() }.InRunOrder().Count.ShouldBe(1);

    [Fact]
    public void A_cycle_names_the_contributors_that_wait_for_each_other() =>
        Should.Throw<InvalidOperationException>(() => new IDemoDataContributor[] { new Statuses(), new Chicken(), new Egg() }.InRunOrder())
            .Message.ShouldBe("Demo contributors wait for each other (RunsAfter cycle): Chicken, Egg.");

    [Fact]
    public void The_demo_random_source_is_the_same_on_every_machine()
    {
        var first = new DemoRandom("272035:3");
        var again = new DemoRandom("272035:3");
        var drawn = Enumerable.Range(0, 20).Select(_ => first.Next(0, 1000)).ToList();

        Enumerable.Range(0, 20).Select(_ => again.Next(0, 1000)).ShouldBe(drawn);
        drawn.ShouldAllBe(n => n >= 0 && n < 1000);
        drawn.Distinct().Count().ShouldBeGreaterThan(10);
        new DemoRandom("272035:4").Next(0, 1_000_000).ShouldNotBe(new DemoRandom("272035:3").Next(0, 1_000_000));
        DemoRandom.Hash("").ShouldBe(14695981039346656037UL); // FNV-1a offset basis: the seeds' hash is the published one
        DemoRandom.Hash("a").ShouldBe(0xAF63DC4C8601EC8CUL);
    }
}
