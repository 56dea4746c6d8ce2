using Serverless.Engine.Storage;
using Serverless.Engine.Azure.Tests.Azurite;

namespace Serverless.Engine.Azure.Tests.Storage;

/// <summary>What every <see cref="IKeyValueStore"/> must do; run once per implementation. Time moves by hand.</summary>
public abstract class KeyValueStoreContract : IDisposable
{
    private const string Ns = "company.team";
    private readonly IStoreBackend _backend;
    private readonly ManualTimeProvider _time = new();

    protected KeyValueStoreContract(IStoreBackend backend)
    {
        _backend = backend;
        Store = backend.Create(_time).KeyValues;
    }

    private IKeyValueStore Store { get; }

    [Theory]
    [InlineData("\"text\"")]
    [InlineData("42")]
    [InlineData("{ \"a\": [1, 2, {\"b\": null}] }")]
    [InlineData("true")]
    public async Task SetAsync_JsonValue_GetReturnsItAsStored(string json)
    {
        await Store.SetAsync(Ns, "key", json);

        Assert.Equal(json, await Store.GetAsync(Ns, "key"));
    }

    [Fact]
    public async Task GetAsync_MissingKey_ReturnsNull()
    {
        Assert.Null(await Store.GetAsync(Ns, "missing"));
    }

    [Fact]
    public async Task GetAsync_AfterTtlElapsed_ReturnsNull()
    {
        await Store.SetAsync(Ns, "session", "\"abc\"", TimeSpan.FromMinutes(10));

        _time.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal("\"abc\"", await Store.GetAsync(Ns, "session"));

        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(await Store.GetAsync(Ns, "session"));
    }

    [Fact]
    public async Task SetAsync_WithoutTtl_ReplacesEarlierTtl()
    {
        await Store.SetAsync(Ns, "key", "1", TimeSpan.FromSeconds(5));
        await Store.SetAsync(Ns, "key", "2");

        _time.Advance(TimeSpan.FromDays(365));

        Assert.Equal("2", await Store.GetAsync(Ns, "key"));
    }

    [Fact]
    public async Task KeysAsync_FiltersPrefixAndSkipsExpiredKeys()
    {
        await Store.SetAsync(Ns, "user.alice", "1");
        await Store.SetAsync(Ns, "user.bob", "2", TimeSpan.FromMinutes(1));
        await Store.SetAsync(Ns, "config", "3");
        await Store.SetAsync("company", "user.parent", "4");

        Assert.Equal(["config", "user.alice", "user.bob"], await Store.KeysAsync(Ns));
        Assert.Equal(["user.alice", "user.bob"], await Store.KeysAsync(Ns, "user."));

        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(["user.alice"], await Store.KeysAsync(Ns, "user."));
    }

    [Fact]
    public async Task DeleteAsync_LiveMissingAndExpiredKeys_ReportsWhetherALiveValueWasRemoved()
    {
        await Store.SetAsync(Ns, "live", "1");
        await Store.SetAsync(Ns, "expiring", "1", TimeSpan.FromSeconds(1));
        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.True(await Store.DeleteAsync(Ns, "live"));
        Assert.False(await Store.DeleteAsync(Ns, "live"));
        Assert.False(await Store.DeleteAsync(Ns, "expiring"));
        Assert.Null(await Store.GetAsync(Ns, "live"));
    }

    [Fact]
    public async Task SetAsync_InvalidJson_ThrowsArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.SetAsync(Ns, "key", "not json"));
    }

    [Fact]
    public async Task SetAsync_NonPositiveTtl_ThrowsArgumentOutOfRange()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.SetAsync(Ns, "key", "1", TimeSpan.Zero));
    }

    [Theory]
    [InlineData("../key")]
    [InlineData("a/b")]
    [InlineData("")]
    public async Task SetAsync_InvalidKey_ThrowsInvalidPath(string key)
    {
        var error = await Assert.ThrowsAsync<StorageException>(() => Store.SetAsync(Ns, key, "1"));

        Assert.Equal(StorageErrorKind.InvalidPath, error.Kind);
    }

    public void Dispose()
    {
        _backend.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class LocalKeyValueStoreTests() : KeyValueStoreContract(new LocalBackend());

[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class BlobKeyValueStoreTests(AzuriteFixture azurite) : KeyValueStoreContract(new BlobBackend(azurite));
