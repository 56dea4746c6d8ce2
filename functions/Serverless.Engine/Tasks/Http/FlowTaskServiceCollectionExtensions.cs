using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Serverless.Engine.Activities;
using Serverless.Engine.Secrets;

namespace Serverless.Engine.Tasks.Http;

/// <summary>
/// Services the runnable tasks of this folder family need: HTTP clients with retries, the secret stores
/// and masker, and the host expression functions (<c>secret</c>, <c>read</c>, <c>fileSize</c>, <c>kv</c>).
/// Storage is registered separately by the host (it chooses the backend).
/// </summary>
public static class FlowTaskServiceCollectionExtensions
{
    /// <summary>Client that follows redirects.</summary>
    public const string HttpClientName = "flows-http";

    /// <summary>Client that returns 3xx responses as they are (<c>options.followRedirects: false</c>).</summary>
    public const string NoRedirectHttpClientName = "flows-http-no-redirect";

    public static IServiceCollection AddFlowTaskServices(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(SecretResolver)))
        {
            return services; // Already added: named clients and their resilience pipelines must be configured once.
        }

        AddHttpClient(services, HttpClientName, followRedirects: true);
        AddHttpClient(services, NoRedirectHttpClientName, followRedirects: false);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISecretMasker, SecretMasker>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISecretStore, EnvironmentSecretStore>());
        services.TryAddSingleton<SecretResolver>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IExpressionFunctionProvider, SecretFunctionProvider>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IExpressionFunctionProvider, StorageFunctionProvider>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IExpressionFunctionProvider, RandomFunctionProvider>());
        return services;
    }

    /// <summary>
    /// Retries transient failures (connection errors, 408, 429, 5xx) twice with jittered backoff, for
    /// idempotent methods only: a POST that reached the server must not be sent again. No pipeline timeout:
    /// the task's <c>options.timeout</c> and the task timeout bound each request.
    /// </summary>
    private static void AddHttpClient(IServiceCollection services, string name, bool followRedirects)
    {
        services.AddHttpClient(name, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = followRedirects,
                ConnectTimeout = TimeSpan.FromSeconds(30),
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .AddResilienceHandler(name + "-retry", builder =>
            {
                var retry = new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = 2,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromMilliseconds(500),
                };
                retry.DisableForUnsafeHttpMethods();
                builder.AddRetry(retry);
            });
    }
}
