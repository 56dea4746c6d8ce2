using Microsoft.Extensions.Configuration;
using Serverless.Engine.Storage;

namespace Serverless.Functions.Configuration;

/// <summary>
/// The app settings the Bicep defines (<c>infra/main.bicep</c> → <c>infra/app/api.bicep</c>): container,
/// queue and table names, and the Durable task hub. Defaults are the names the Bicep gives, so a local
/// run needs none of them.
/// </summary>
public sealed class FlowsSettings
{
    public string FlowsContainer { get; init; } = StorageLayout.Flows;

    public string NamespaceFilesContainer { get; init; } = StorageLayout.NamespaceFiles;

    public string InternalStorageContainer { get; init; } = StorageLayout.InternalStorage;

    public string KeyValueContainer { get; init; } = StorageLayout.KeyValues;

    /// <summary><c>FLOWS_TRIGGER_INBOX_CONTAINER</c>: the container whose new blobs feed Blob triggers.</summary>
    public string TriggerInboxContainer { get; init; } = "trigger-inbox";

    /// <summary><c>FLOWS_TRIGGER_QUEUE</c>: the queue whose messages feed Queue triggers.</summary>
    public string TriggerQueue { get; init; } = "flow-triggers";

    public string ExecutionsTable { get; init; } = "executions";

    public string TaskRunsTable { get; init; } = "taskruns";

    public string LogsTable { get; init; } = "logs";

    public string FlowsTable { get; init; } = "flows";

    /// <summary><c>FLOWS_TABLE_TRIGGERS</c>: trigger states (schedule positions, backfills) and concurrency slots.</summary>
    public string TriggersTable { get; init; } = "triggers";

    public string TaskHub { get; init; } = "flows";

    public static FlowsSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var defaults = new FlowsSettings();
        string Read(string key, string fallback) => configuration[key] is { Length: > 0 } value ? value : fallback;
        return new FlowsSettings
        {
            FlowsContainer = Read("FLOWS_STORAGE_FLOWS_CONTAINER", defaults.FlowsContainer),
            NamespaceFilesContainer = Read("FLOWS_STORAGE_NAMESPACE_FILES_CONTAINER", defaults.NamespaceFilesContainer),
            InternalStorageContainer = Read("FLOWS_STORAGE_INTERNAL_CONTAINER", defaults.InternalStorageContainer),
            KeyValueContainer = Read("FLOWS_STORAGE_KV_CONTAINER", defaults.KeyValueContainer),
            TriggerInboxContainer = Read("FLOWS_TRIGGER_INBOX_CONTAINER", defaults.TriggerInboxContainer),
            TriggerQueue = Read("FLOWS_TRIGGER_QUEUE", defaults.TriggerQueue),
            ExecutionsTable = Read("FLOWS_TABLE_EXECUTIONS", defaults.ExecutionsTable),
            TaskRunsTable = Read("FLOWS_TABLE_TASKRUNS", defaults.TaskRunsTable),
            LogsTable = Read("FLOWS_TABLE_LOGS", defaults.LogsTable),
            FlowsTable = Read("FLOWS_TABLE_FLOWS", defaults.FlowsTable),
            TriggersTable = Read("FLOWS_TABLE_TRIGGERS", defaults.TriggersTable),
            TaskHub = Read("DURABLE_TASK_HUB", defaults.TaskHub),
        };
    }

    /// <summary>
    /// Problems with the settings: the stores use fixed container names (<see cref="StorageLayout"/>), so a
    /// differently named container would be silently ignored; say so instead.
    /// </summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        void Expect(string setting, string actual, string expected)
        {
            if (actual != expected)
            {
                problems.Add($"{setting} is '{actual}' but the storage layout uses '{expected}'");
            }
        }

        Expect("FLOWS_STORAGE_FLOWS_CONTAINER", FlowsContainer, StorageLayout.Flows);
        Expect("FLOWS_STORAGE_NAMESPACE_FILES_CONTAINER", NamespaceFilesContainer, StorageLayout.NamespaceFiles);
        Expect("FLOWS_STORAGE_INTERNAL_CONTAINER", InternalStorageContainer, StorageLayout.InternalStorage);
        Expect("FLOWS_STORAGE_KV_CONTAINER", KeyValueContainer, StorageLayout.KeyValues);
        return problems;
    }
}
