using Serverless.Engine.Storage;
using Serverless.Engine.Azure.Tests.Azurite;

namespace Serverless.Engine.Azure.Tests.Storage;

/// <summary>What every <see cref="IFlowStore"/> must do; run once per implementation.</summary>
public abstract class FlowStoreContract : IDisposable
{
    private const string Ns = "company.team";
    private readonly IStoreBackend _backend;

    protected FlowStoreContract(IStoreBackend backend)
    {
        _backend = backend;
        Store = backend.Create(TimeProvider.System).Flows;
    }

    private IFlowStore Store { get; }

    [Fact]
    public async Task SaveAsync_NewFlow_StartsAtRevisionOne()
    {
        var saved = await Store.SaveAsync(Ns, "hello", Source("hello", 1));

        Assert.Equal((Ns, "hello", 1), (saved.Namespace, saved.Id, saved.Revision));
        Assert.Equal(Source("hello", 1), saved.Source);
        Assert.False(saved.Deleted);
    }

    [Fact]
    public async Task SaveAsync_ChangedSource_IncrementsRevisionAndKeepsOldOnes()
    {
        await Store.SaveAsync(Ns, "hello", Source("hello", 1));
        var second = await Store.SaveAsync(Ns, "hello", Source("hello", 2));

        Assert.Equal(2, second.Revision);
        Assert.Equal(Source("hello", 2), (await Store.GetAsync(Ns, "hello"))!.Source);
        Assert.Equal(Source("hello", 1), (await Store.GetAsync(Ns, "hello", 1))!.Source);
        Assert.Equal([1, 2], (await Store.RevisionsAsync(Ns, "hello")).Select(f => f.Revision));
    }

    [Fact]
    public async Task SaveAsync_UnchangedSource_ReturnsLatestWithoutNewRevision()
    {
        await Store.SaveAsync(Ns, "hello", Source("hello", 1));

        var again = await Store.SaveAsync(Ns, "hello", Source("hello", 1));

        Assert.Equal(1, again.Revision);
        Assert.Single(await Store.RevisionsAsync(Ns, "hello"));
    }

    [Fact]
    public async Task SaveAsync_ConcurrentSaves_NeverShareARevision()
    {
        const int Writers = 8;

        var saved = await Task.WhenAll(Enumerable.Range(1, Writers).Select(i => Task.Run(() => Store.SaveAsync(Ns, "busy", Source("busy", i)))));

        Assert.Equal(Enumerable.Range(1, Writers), saved.Select(f => f.Revision).Order());
        var revisions = await Store.RevisionsAsync(Ns, "busy");
        Assert.Equal(Enumerable.Range(1, Writers), revisions.Select(f => f.Revision));
        Assert.Equal(Enumerable.Range(1, Writers).Select(i => Source("busy", i)).Order(), revisions.Select(f => f.Source).Order());
    }

    [Fact]
    public async Task DeleteAsync_LiveFlow_AddsDeleteMarkerRevision()
    {
        await Store.SaveAsync(Ns, "hello", Source("hello", 1));

        Assert.True(await Store.DeleteAsync(Ns, "hello"));

        Assert.Null(await Store.GetAsync(Ns, "hello"));
        var marker = await Store.GetAsync(Ns, "hello", 2);
        Assert.NotNull(marker);
        Assert.True(marker.Deleted);
        Assert.Equal(Source("hello", 1), marker.Source);
        Assert.Equal([false, true], (await Store.RevisionsAsync(Ns, "hello")).Select(f => f.Deleted));
        Assert.False(await Store.DeleteAsync(Ns, "hello"));
    }

    [Fact]
    public async Task SaveAsync_AfterDelete_ContinuesRevisionNumbers()
    {
        await Store.SaveAsync(Ns, "hello", Source("hello", 1));
        await Store.DeleteAsync(Ns, "hello");

        var revived = await Store.SaveAsync(Ns, "hello", Source("hello", 1));

        Assert.Equal(3, revived.Revision);
        Assert.Equal(3, (await Store.GetAsync(Ns, "hello"))!.Revision);
    }

    [Fact]
    public async Task ListAsync_Namespace_ReturnsLatestLiveFlowsOfItAndItsChildren()
    {
        await Store.SaveAsync("company", "root", Source("root", 1));
        await Store.SaveAsync("company.team", "a", Source("a", 1));
        await Store.SaveAsync("company.team", "a", Source("a", 2));
        await Store.SaveAsync("company.team", "gone", Source("gone", 1));
        await Store.DeleteAsync("company.team", "gone");
        await Store.SaveAsync("companyx", "other", Source("other", 1));

        var listed = await Store.ListAsync("company");
        var everything = await Store.ListAsync();

        Assert.Equal(["company/root@1", "company.team/a@2"], listed.Select(f => $"{f.Namespace}/{f.Id}@{f.Revision}"));
        Assert.Equal(3, everything.Count);
    }

    [Fact]
    public async Task GetAsync_MissingFlowOrRevision_ReturnsNull()
    {
        await Store.SaveAsync(Ns, "hello", Source("hello", 1));

        Assert.Null(await Store.GetAsync(Ns, "missing"));
        Assert.Null(await Store.GetAsync(Ns, "hello", 7));
        Assert.Empty(await Store.RevisionsAsync(Ns, "missing"));
    }

    [Theory]
    [InlineData("Company", "ok")]
    [InlineData("company", "../x")]
    [InlineData("company", "a/b")]
    public async Task SaveAsync_InvalidNamespaceOrId_ThrowsInvalidPath(string ns, string id)
    {
        var error = await Assert.ThrowsAsync<StorageException>(() => Store.SaveAsync(ns, id, "id: x"));

        Assert.Equal(StorageErrorKind.InvalidPath, error.Kind);
    }

    public void Dispose()
    {
        _backend.Dispose();
        GC.SuppressFinalize(this);
    }

    private static string Source(string id, int version) =>
        $"id: {id}\nnamespace: {Ns}\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: v{version}\n";
}

public sealed class LocalFlowStoreTests() : FlowStoreContract(new LocalBackend());

[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class BlobFlowStoreTests(AzuriteFixture azurite) : FlowStoreContract(new BlobBackend(azurite));
