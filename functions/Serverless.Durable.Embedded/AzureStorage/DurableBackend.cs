namespace Serverless.Durable.Embedded.AzureStorage;

/// <summary>Which Durable Task backend the engine in this process runs on.</summary>
public enum DurableBackend
{
    /// <summary>In-memory sidecar: fastest, nothing to install; executions end with the process.</summary>
    Memory,

    /// <summary>Azure Storage (Azurite or an account): executions survive restarts and <c>kill -9</c>, as in Azure.</summary>
    AzureStorage,
}

/// <summary>How <see cref="Embedded.EmbeddedEngine"/> hosts Durable Task.</summary>
public sealed class EngineHostOptions
{
    public DurableBackend Backend { get; set; } = DurableBackend.Memory;

    /// <summary>Settings of the Azure Storage backend; used when <see cref="Backend"/> is <see cref="DurableBackend.AzureStorage"/>.</summary>
    public AzureStorageDurableHostOptions AzureStorage { get; set; } = new();

    /// <summary>Parses <c>memory</c> or <c>azurestorage</c> (also <c>azure-storage</c>, <c>azure</c>), case-insensitively.</summary>
    public static DurableBackend ParseBackend(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        null or "" or "MEMORY" or "INMEMORY" => DurableBackend.Memory,
        "AZURESTORAGE" or "AZURE-STORAGE" or "AZURE" => DurableBackend.AzureStorage,
        _ => throw new ArgumentException($"Unknown backend '{value}': use memory or azurestorage."),
    };
}
