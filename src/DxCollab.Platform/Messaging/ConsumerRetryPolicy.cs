using DxCollab.Platform.Backbone;
using MassTransit;

namespace DxCollab.Platform.Messaging;

/// <summary>The one retry policy around every consumer: a database outage (<see cref="DatabaseOutage"/>) is tried again
/// every <see cref="DatabaseOutageRetryOptions.Interval"/> for about its patience, any other error gets the ordinary
/// attempts (<paramref name="ordinary"/>), and neither uses up the other's. One policy, not two nested retries: in
/// MassTransit a retry inside another's attempt never retries (the attempt carries the outer retry's context), so a
/// second retry filter for the outage had no effect.</summary>
public sealed class ConsumerRetryPolicy(IExceptionFilter filter, IRetryPolicy ordinary, DatabaseOutageRetryOptions outage) : IRetryPolicy
{
    private DatabaseOutageRetryOptions Outage { get; } = outage;

    public bool IsHandled(Exception exception) => filter.Match(exception);

    public RetryPolicyContext<T> CreatePolicyContext<T>(T context) where T : class, PipeContext =>
        new PolicyContext<T>(this, ordinary.CreatePolicyContext(context));

    public void Probe(ProbeContext context)
    {
        ordinary.Probe(context);
        context.Set(new { DatabaseOutageRetries = Outage.Retries, DatabaseOutageInterval = Outage.Interval });
    }

    private sealed class PolicyContext<T>(ConsumerRetryPolicy policy, RetryPolicyContext<T> ordinary) : RetryPolicyContext<T>
        where T : class, PipeContext
    {
        private readonly CancellationTokenSource _cancel = CancellationTokenSource.CreateLinkedTokenSource(ordinary.Context.CancellationToken);

        public T Context => ordinary.Context;
        public CancellationToken CancellationToken => _cancel.Token;

        public bool CanRetry(Exception exception, out RetryContext<T> retryContext) =>
            Next(new Attempt<T>(this, null, exception, OutageRetries: 0, RetryCount: -1, Delay: null), exception, out retryContext);

        /// <summary>Where a failure after <paramref name="previous"/> leads: another wait for the database, the ordinary
        /// policy's next step, or the end.</summary>
        public bool Next(Attempt<T> previous, Exception exception, out RetryContext<T> next)
        {
            var count = previous.RetryCount + 1;
            if (DatabaseOutage.Is(exception) && policy.IsHandled(exception))
            {
                var attempt = new Attempt<T>(this, previous.Ordinary, exception, previous.OutageRetries + 1, count, policy.Outage.Interval);
                next = attempt;
                return attempt.OutageRetries <= policy.Outage.Retries && !_cancel.IsCancellationRequested;
            }
            RetryContext<T>? step = null;
            var again = previous.Ordinary is null ? ordinary.CanRetry(exception, out step) : previous.Ordinary.CanRetry(exception, out step);
            next = new Attempt<T>(this, step, exception, previous.OutageRetries, count, step?.Delay);
            return again && !_cancel.IsCancellationRequested;
        }

        public Task RetryFaulted(Exception exception) => ordinary.RetryFaulted(exception);

        public void Cancel()
        {
            ordinary.Cancel();
            try { _cancel.Cancel(); }
            catch (ObjectDisposedException) { /* the bus stopped just as this message finished */ }
        }

        public void Dispose()
        {
            ordinary.Dispose();
            _cancel.Dispose();
        }
    }

    /// <summary>One retry: the ordinary policy's state (null until an ordinary error), how many outage waits so far.</summary>
    private sealed record Attempt<T>(PolicyContext<T> Policy, RetryContext<T>? Ordinary, Exception Exception, int OutageRetries, int RetryCount,
        TimeSpan? Delay) : RetryContext<T> where T : class, PipeContext
    {
        public T Context => Policy.Context;
        public CancellationToken CancellationToken => Policy.CancellationToken;
        public int RetryAttempt => RetryCount + 1;
        public Type ContextType => typeof(T);
        public bool CanRetry(Exception exception, out RetryContext<T> retryContext) => Policy.Next(this, exception, out retryContext);
        public Task PreRetry() => Ordinary?.PreRetry() ?? Task.CompletedTask;
        public Task RetryFaulted(Exception exception) => Ordinary?.RetryFaulted(exception) ?? Task.CompletedTask;
    }
}
