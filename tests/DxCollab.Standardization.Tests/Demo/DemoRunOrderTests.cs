using DxCollab.Platform.Hosting;
using DxCollab.Standardization.Demo;
using DxCollab.Standardization.Inquiries;
using DxCollab.Standardization.Snapshots;
using Microsoft.Extensions.Logging.Abstractions;

namespace DxCollab.Standardization.Tests.Demo;

public sealed class DemoRunOrderTests
{
    [Fact]
    public void The_statuses_are_seeded_before_the_snapshots_and_threads_built_on_them()
    {
        IDemoDataContributor[] registered = [new SnapshotDemoData(), new InquiryDemoData(), new MigrationDemoData(TimeProvider.System, NullLogger<MigrationDemoData>.Instance)];

        registered.InRunOrder().Select(c => c.GetType()).ShouldBe([typeof(MigrationDemoData), typeof(SnapshotDemoData), typeof(InquiryDemoData)]);
    }
}
