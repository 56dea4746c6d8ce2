namespace Serverless.Engine.Storage;

/// <summary>The four stores over one local folder: the embedded engine's default, with no Azure account.</summary>
public static class LocalStores
{
    /// <summary>The folder used when no other is named: <c>./.flows</c> under the working directory.</summary>
    public const string DefaultFolder = ".flows";

    public static StorageStores Create(string localRoot, string containerPrefix = "", TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(localRoot);
        StorageLayout.ValidatePrefix(containerPrefix);
        return new StorageStores(
            new LocalNamespaceFileStore(localRoot, containerPrefix),
            new LocalInternalStorage(localRoot, containerPrefix),
            new LocalFlowStore(localRoot, containerPrefix),
            new LocalKeyValueStore(localRoot, containerPrefix, timeProvider));
    }
}
