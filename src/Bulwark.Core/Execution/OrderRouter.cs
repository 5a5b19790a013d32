using System.Runtime.CompilerServices;
using Bulwark.Core.Kernel.Commands;
using Bulwark.Core.Venues;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Bulwark.Core.Execution;

/// <summary>
/// Sends orders to the venue off the kernel's thread of control and reports back as kernel messages.
/// Retries only what surely did not reach the venue (<see cref="SubmitOutcome.NotSent"/>); a timeout or an
/// exception after sending is <see cref="SubmitOutcome.Unknown"/>: the kernel then asks the venue, never resends.
/// A cancel never overtakes its own order's submit: while the submit is unanswered, the cancel waits for its answer
/// (else a venue would refuse to cancel an order it does not have yet, and then take the order).
/// </summary>
public sealed class OrderRouter
{
    private readonly IVenue _venue;
    private readonly Action<KernelMessage> _post;
    private readonly ResiliencePipeline<SubmitResult> _retry;
    private readonly RouterOptions _options;
    private readonly TimeProvider _time;
    private readonly ResiliencePipeline _query;

    /// <summary>Submits not yet answered, by ClientOrderId (an in-process venue answers at once, so never has any here).</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Task> _unanswered = new(StringComparer.Ordinal);

    public OrderRouter(IVenue venue, RouterOptions options, TimeProvider time, Action<KernelMessage> post)
    {
        _venue = venue;
        _post = post;
        _options = options;
        _time = time;
        // Attempts 2..MaxAttempts: the first attempt, already made, said NotSent.
        _retry = new ResiliencePipelineBuilder<SubmitResult> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<SubmitResult>
            {
                ShouldHandle = a => ValueTask.FromResult(a.Outcome.Result?.Outcome == SubmitOutcome.NotSent),
                MaxRetryAttempts = Math.Max(0, options.MaxAttempts - 2),
                Delay = options.Backoff,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            })
            .AddTimeout(options.SubmitTimeout)
            .Build();
        _query = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
                MaxRetryAttempts = 5,
                Delay = options.Backoff,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            })
            .AddTimeout(options.SubmitTimeout)
            .Build();
    }

    public string VenueName => _venue.Name;

    /// <summary>Starts a submit. Runs synchronously up to the venue's first await, then continues in the background.</summary>
    public void Submit(OrderRequest request, CancellationToken cancellationToken)
    {
        var submit = SubmitAsync(request, cancellationToken);
        if (submit.IsCompleted) return;
        _unanswered[request.ClientOrderId] = submit;
        _ = submit.ContinueWith(static (done, state) =>
        {
            var (unanswered, id) = ((System.Collections.Concurrent.ConcurrentDictionary<string, Task>, string))state!;
            unanswered.TryRemove(KeyValuePair.Create(id, done));
        }, (_unanswered, request.ClientOrderId), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public void Cancel(string clientOrderId, CancellationToken cancellationToken) =>
        _ = _unanswered.TryGetValue(clientOrderId, out var submit)
            ? CancelAfterAsync(submit, clientOrderId, cancellationToken)
            : CancelAsync(clientOrderId, cancellationToken);

    /// <summary>Cancels once the order's submit is answered (whatever the answer: the kernel hears it first).</summary>
    private async Task CancelAfterAsync(Task submit, string clientOrderId, CancellationToken cancellationToken)
    {
        await submit.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await CancelAsync(clientOrderId, cancellationToken).ConfigureAwait(false);
    }

    public void Query(string clientOrderId, CancellationToken cancellationToken) =>
        _ = QueryAsync(clientOrderId, cancellationToken);

    private async Task SubmitAsync(OrderRequest request, CancellationToken cancellationToken)
    {
        // Fast path: one attempt, bounded by the timeout only if it does not complete at once (in-process
        // venues always do, so they pay for no timer). Retries of what surely was not sent go through Polly.
        StrongBox<int>? attempts = null; // made only when retrying: the count of attempts so far, even if one throws
        SubmitResult result;
        try
        {
            var first = _venue.SubmitAsync(request, cancellationToken);
            result = first.IsCompletedSuccessfully
                ? first.Result
                : await first.WaitAsync(_options.SubmitTimeout, _time, cancellationToken).ConfigureAwait(false);
            if (result.Outcome == SubmitOutcome.NotSent && _options.MaxAttempts > 1)
            {
                attempts = new StrongBox<int>(1);
                result = await RetryAsync(request, attempts, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is TimeoutException or TimeoutRejectedException)
        {
            result = new SubmitResult(SubmitOutcome.Unknown, Message: "submit timed out; the venue may have the order");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            result = new SubmitResult(SubmitOutcome.Unknown, Message: "shutdown during submit");
        }
        catch (Exception ex)
        {
            result = new SubmitResult(SubmitOutcome.Unknown, Message: $"{ex.GetType().Name}: {ex.Message}");
        }
        _post(new SubmitCompleted(request.ClientOrderId, result, attempts?.Value ?? 1));
    }

    /// <summary>
    /// Attempts 2..MaxAttempts after a first NotSent. Its own method: the retry lambda's closure would otherwise be
    /// allocated at the start of every submit, retried or not.
    /// </summary>
    private async Task<SubmitResult> RetryAsync(OrderRequest request, StrongBox<int> attempts, CancellationToken cancellationToken)
    {
        await Task.Delay(_options.Backoff, _time, cancellationToken).ConfigureAwait(false);
        return await _retry.ExecuteAsync(async ct =>
        {
            attempts.Value++;
            return await _venue.SubmitAsync(request, ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task CancelAsync(string clientOrderId, CancellationToken cancellationToken)
    {
        CancelResult result;
        try
        {
            result = await _venue.CancelAsync(clientOrderId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            result = new CancelResult(false, VenueRejectCode.Other, $"{ex.GetType().Name}: {ex.Message}");
        }
        _post(new CancelCompleted(clientOrderId, result));
    }

    private async Task QueryAsync(string clientOrderId, CancellationToken cancellationToken)
    {
        try
        {
            var order = await _query.ExecuteAsync(
                async ct => await _venue.GetOrderAsync(clientOrderId, ct).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
            _post(new OrderQueryCompleted(clientOrderId, order, null));
        }
        catch (Exception ex)
        {
            _post(new OrderQueryCompleted(clientOrderId, null, $"{ex.GetType().Name}: {ex.Message}"));
        }
    }
}
