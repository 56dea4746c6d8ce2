namespace Serverless.Engine.Storage;

/// <summary>The four stores of one storage backend, created together so they share clients and layout.</summary>
public sealed record StorageStores(
    INamespaceFileStore NamespaceFiles,
    IInternalStorage InternalStorage,
    IFlowStore Flows,
    IKeyValueStore KeyValues);
