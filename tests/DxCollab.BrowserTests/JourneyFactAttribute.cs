using Xunit.Abstractions;
using Xunit.Sdk;

namespace DxCollab.BrowserTests;

/// <summary>A browser journey: a fact that runs once more, on a fresh page, when its first run ends in a timeout.
/// CI shares two cores between test projects, apps and Chromium; a page that now and then misses its 45 s wait
/// (CI, 2026-12-04: one navigation in 44 journeys) must not hold back every change. Any other failure, and a second
/// timeout, fail the journey as before; the first run's failure is reported as a diagnostic message.</summary>
[XunitTestCaseDiscoverer("DxCollab.BrowserTests.JourneyFactDiscoverer", "DxCollab.BrowserTests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class JourneyFactAttribute : FactAttribute;

public sealed class JourneyFactDiscoverer(IMessageSink diagnostics) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions options, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        [new JourneyTestCase(diagnostics, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), testMethod)];
}

public sealed class JourneyTestCase : XunitTestCase
{
    [Obsolete("For xunit's deserialisation only.")]
    public JourneyTestCase() { }

    public JourneyTestCase(IMessageSink diagnostics, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod method)
        : base(diagnostics, display, displayOptions, method) { }

    public override async Task<RunSummary> RunAsync(IMessageSink diagnosticMessageSink, IMessageBus messageBus,
        object[] constructorArguments, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource)
    {
        const int attempts = 2;
        for (var attempt = 1; ; attempt++)
        {
            using var held = new HeldMessageBus(messageBus);
            var summary = await base.RunAsync(diagnosticMessageSink, held, constructorArguments, new ExceptionAggregator(aggregator), cancellationTokenSource);
            if (summary.Failed == 0 || attempt == attempts || held.FailureOtherThanTimeout || cancellationTokenSource.IsCancellationRequested)
            {
                held.Release();
                return summary;
            }
            diagnosticMessageSink.OnMessage(new DiagnosticMessage($"{DisplayName}: timed out on attempt {attempt}, running it again: {held.FirstFailure}"));
        }
    }

    /// <summary>Keeps one run's messages until the test case knows whether that run counts.</summary>
    private sealed class HeldMessageBus(IMessageBus inner) : IMessageBus
    {
        private readonly List<IMessageSinkMessage> _messages = [];
        public bool FailureOtherThanTimeout { get; private set; }
        public string? FirstFailure { get; private set; }

        public bool QueueMessage(IMessageSinkMessage message)
        {
            if (message is ITestFailed failed)
            {
                FirstFailure ??= string.Join(" | ", failed.Messages);
                if (!failed.ExceptionTypes.Any(t => t.EndsWith("TimeoutException", StringComparison.Ordinal))) FailureOtherThanTimeout = true;
            }
            lock (_messages) _messages.Add(message);
            return true;
        }

        public void Release()
        {
            lock (_messages) foreach (var message in _messages) inner.QueueMessage(message);
        }

        public void Dispose() { }
    }
}
