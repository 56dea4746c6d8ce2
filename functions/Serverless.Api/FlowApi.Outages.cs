using Microsoft.Extensions.Logging;
using Serverless.Engine.Storage;

namespace Serverless.Api;

/// <summary>
/// Storage outages: every call that needs storage answers 503 with a short reason and a retry hint while
/// the account is unreachable, and the log gets one line when the outage is first seen (then at most one
/// per <see cref="OutageLogInterval"/>, counting the calls in between) and one when storage answers again,
/// instead of a stack trace per request.
/// </summary>
public sealed partial class FlowApi
{
    /// <summary>Seconds a client is told to wait (<c>Retry-After</c>) before trying again.</summary>
    public const int RetryAfterSeconds = 5;

    private static readonly TimeSpan OutageLogInterval = TimeSpan.FromSeconds(30);

    private long _outageSince;
    private long _outageLogged;
    private int _outageCalls;

    private ApiResponse StorageUnavailable(string route, Exception e)
    {
        var reason = (_faults.Describe(e) ?? "unreachable").TrimEnd('.');
        var now = _clock.GetTimestamp();
        _ = Interlocked.CompareExchange(ref _outageSince, now, 0);
        var logged = Interlocked.Read(ref _outageLogged);
        if ((logged == 0 || _clock.GetElapsedTime(logged, now) >= OutageLogInterval)
            && Interlocked.CompareExchange(ref _outageLogged, now, logged) == logged)
        {
            Log.StorageUnavailable(_logger, route, reason, Interlocked.Exchange(ref _outageCalls, 0));
        }
        else
        {
            _ = Interlocked.Increment(ref _outageCalls);
        }

        return ApiResponse.Error(503, $"Storage is unavailable: {reason}. Retry later.") with
        {
            Headers = new Dictionary<string, string> { ["Retry-After"] = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
    }

    /// <summary>A call that reads or writes storage succeeded: ends an outage seen before, with one log line.</summary>
    private void NoteStorageAnswered(string route)
    {
        var since = Interlocked.Read(ref _outageSince);
        if (since == 0 || route is ApiRoutes.OpenApi or ApiRoutes.FlowsValidate || Interlocked.CompareExchange(ref _outageSince, 0, since) != since)
        {
            return;
        }

        Interlocked.Exchange(ref _outageLogged, 0);
        Log.StorageAvailable(_logger, _clock.GetElapsedTime(since).TotalSeconds, Interlocked.Exchange(ref _outageCalls, 0));
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Storage is unavailable ({Reason}): API calls answer 503 until it is back (route {Route}; {Suppressed} more failed calls since the last report)")]
        public static partial void StorageUnavailable(ILogger logger, string route, string reason, int suppressed);

        [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "Storage is available again after {Seconds:F1} s ({Suppressed} more failed calls since the last report)")]
        public static partial void StorageAvailable(ILogger logger, double seconds, int suppressed);
    }
}
