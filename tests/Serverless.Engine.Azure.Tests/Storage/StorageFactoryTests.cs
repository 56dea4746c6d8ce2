using Serverless.Engine.Azure.Storage;
using Serverless.Engine.Storage;

namespace Serverless.Engine.Azure.Tests.Storage;

public sealed class StorageFactoryTests
{
    [Fact]
    public void Create_NoBlobSettings_UsesLocalFolder()
    {
        var stores = StorageFactory.Create(new StorageOptions { LocalRoot = Path.GetTempPath() });

        Assert.IsType<LocalFlowStore>(stores.Flows);
        Assert.IsType<LocalNamespaceFileStore>(stores.NamespaceFiles);
        Assert.IsType<LocalInternalStorage>(stores.InternalStorage);
        Assert.IsType<LocalKeyValueStore>(stores.KeyValues);
    }

    [Fact]
    public void Create_ConnectionString_UsesBlobStorage()
    {
        var stores = StorageFactory.Create(new StorageOptions { ConnectionString = "UseDevelopmentStorage=true" });

        Assert.IsType<BlobFlowStore>(stores.Flows);
        Assert.IsType<BlobKeyValueStore>(stores.KeyValues);
    }

    [Fact]
    public void Create_ServiceUri_UsesBlobStorageWithoutConnectingYet()
    {
        var stores = StorageFactory.Create(new StorageOptions { BlobServiceUri = new Uri("https://example.blob.core.windows.net") });

        Assert.IsType<BlobNamespaceFileStore>(stores.NamespaceFiles);
    }

    [Fact]
    public void Create_MalformedConnectionString_ThrowsWithoutShowingIt()
    {
        const string Secret = "AccountName=x;AccountKey=c2VjcmV0LWtleQ==;NotAField";

        var error = Assert.Throws<StorageException>(() => StorageFactory.Create(new StorageOptions { ConnectionString = Secret }));

        Assert.DoesNotContain("c2VjcmV0LWtleQ", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("malformed", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UPPER-")]
    [InlineData("-lead")]
    [InlineData("way-too-long-prefix-for-containers-")]
    [InlineData("dot.")]
    public void Create_InvalidContainerPrefix_ThrowsInvalidPath(string prefix)
    {
        var error = Assert.Throws<StorageException>(() => StorageFactory.Create(new StorageOptions { LocalRoot = Path.GetTempPath(), ContainerPrefix = prefix }));

        Assert.Equal(StorageErrorKind.InvalidPath, error.Kind);
    }
}
