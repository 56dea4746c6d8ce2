using Serverless.Engine.Azure.Storage;
using Serverless.Engine.Azure.Tests.Azurite;
using Serverless.Engine.Storage;

namespace Serverless.Engine.Azure.Tests.Storage;

/// <summary>Creates the stores under test: a fresh temporary folder, or a fresh container prefix on Azurite.</summary>
public interface IStoreBackend : IDisposable
{
    StorageStores Create(TimeProvider time);
}

/// <summary>The local-folder implementation in a temporary folder deleted after the test.</summary>
public sealed class LocalBackend : IStoreBackend
{
    public string Root { get; } = Directory.CreateTempSubdirectory("flows-storage-").FullName;

    public StorageStores Create(TimeProvider time) => StorageFactory.CreateLocal(Root, "", time);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

/// <summary>The Blob implementation on the shared Azurite, isolated by a unique container prefix.</summary>
public sealed class BlobBackend(AzuriteFixture azurite) : IStoreBackend
{
    public string Prefix { get; } = AzuriteFixture.NewContainerPrefix();

    public StorageStores Create(TimeProvider time) =>
        StorageFactory.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, ContainerPrefix = Prefix }, time);

    public void Dispose()
    {
        // Containers live in Azurite's memory and vanish with it; unique prefixes keep tests apart meanwhile.
    }
}
