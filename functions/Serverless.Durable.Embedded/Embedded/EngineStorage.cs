using Microsoft.Extensions.DependencyInjection;
using Serverless.Engine.Azure.Storage;
using Serverless.Engine.Storage;
using Serverless.Engine.Tasks.Http;

namespace Serverless.Durable.Embedded;

/// <summary>
/// Storage for the embedded engine and the CLI: turns a <c>--storage</c> value into
/// <see cref="StorageOptions"/> and registers the four stores (plus the task services that use them).
/// </summary>
public static class EngineStorage
{
    /// <summary>Environment variable read when <c>--storage</c> is not given.</summary>
    public const string Variable = "FLOWS_STORAGE";

    /// <summary>The Azurite connection string for its default ports.</summary>
    public const string AzuriteConnectionString = "UseDevelopmentStorage=true";

    /// <summary>
    /// <c>local</c> (default: <c>./.flows</c>), <c>local:PATH</c>, <c>azurite</c>, a blob service URL
    /// (<c>https://account.blob.core.windows.net</c>, signed in with DefaultAzureCredential) or a connection string.
    /// </summary>
    public static StorageOptions Parse(string? value)
    {
        var text = string.IsNullOrWhiteSpace(value) ? Environment.GetEnvironmentVariable(Variable) : value;
        if (string.IsNullOrWhiteSpace(text) || text.Equals("local", StringComparison.OrdinalIgnoreCase))
        {
            return new StorageOptions();
        }

        if (text.StartsWith("local:", StringComparison.OrdinalIgnoreCase))
        {
            return new StorageOptions { LocalRoot = Path.GetFullPath(text["local:".Length..]) };
        }

        if (text.Equals("azurite", StringComparison.OrdinalIgnoreCase))
        {
            return new StorageOptions { ConnectionString = AzuriteConnectionString };
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            return new StorageOptions { BlobServiceUri = uri };
        }

        if (text.Contains('=', StringComparison.Ordinal))
        {
            return new StorageOptions { ConnectionString = text };
        }

        throw new ArgumentException("--storage must be 'local', 'local:PATH', 'azurite', a blob service URL or a connection string (the value is not shown).");
    }

    /// <summary>A human description of where the options point, without secrets.</summary>
    public static string Describe(StorageOptions options) => options switch
    {
        { ConnectionString: AzuriteConnectionString } => "Azurite (development storage)",
        { ConnectionString: not null and not "" } => "Blob Storage (connection string)",
        { BlobServiceUri: { } uri } => $"Blob Storage {uri.GetLeftPart(UriPartial.Authority)}",
        _ => $"local folder {options.LocalRoot ?? Path.Join(Environment.CurrentDirectory, StorageFactory.DefaultLocalFolder)}",
    };

    /// <summary>Registers the stores as their interfaces, then the task services (HTTP, secrets, host functions).</summary>
    public static IServiceCollection AddFlowStorage(this IServiceCollection services, StorageStores stores)
    {
        ArgumentNullException.ThrowIfNull(stores);
        services.AddSingleton(stores);
        services.AddSingleton(stores.NamespaceFiles);
        services.AddSingleton(stores.InternalStorage);
        services.AddSingleton(stores.Flows);
        services.AddSingleton(stores.KeyValues);
        services.AddFlowTaskServices();
        return services;
    }

    /// <summary>A <c>configure</c> callback for <c>EmbeddedEngine.StartAsync</c>.</summary>
    public static Action<IServiceCollection> Configure(StorageStores stores) => services => services.AddFlowStorage(stores);
}
