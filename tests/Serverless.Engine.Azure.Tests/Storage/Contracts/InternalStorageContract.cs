using System.Text;
using Serverless.Engine.Storage;
using Serverless.Engine.Azure.Tests.Azurite;

namespace Serverless.Engine.Azure.Tests.Storage;

/// <summary>What every <see cref="IInternalStorage"/> must do; run once per implementation.</summary>
public abstract class InternalStorageContract : IDisposable
{
    private static readonly StorageScope TaskScope = new("company.team", "etl", "exec1", "download", "run1");
    private readonly IStoreBackend _backend;

    protected InternalStorageContract(IStoreBackend backend)
    {
        _backend = backend;
        Store = backend.Create(TimeProvider.System).InternalStorage;
    }

    private IInternalStorage Store { get; }

    [Fact]
    public async Task PutAsync_TaskScope_ReturnsKestraUriOfTheTaskRun()
    {
        var uri = await PutTextAsync(TaskScope, "out.csv", "a,b");

        Assert.Equal("kestra:///company/team/etl/executions/exec1/tasks/download/run1/out.csv", uri.OriginalString);
    }

    [Fact]
    public async Task PutAsync_ExecutionScopeWithFolders_ReturnsExecutionUri()
    {
        var uri = await PutTextAsync(new StorageScope("company", "etl", "exec1"), "inputs/file/data file.csv", "x");

        Assert.Equal("kestra:///company/etl/executions/exec1/inputs/file/data%20file.csv", uri.OriginalString);
        Assert.Equal(uri.OriginalString, uri.AbsoluteUri);
        Assert.Equal("x", await ReadTextAsync(new Uri(uri.AbsoluteUri)));
    }

    [Fact]
    public async Task OpenReadAndSizeAsync_StoredFile_ReturnContentAndLength()
    {
        var uri = await PutTextAsync(TaskScope, "out.csv", "héllo");

        Assert.Equal("héllo", await ReadTextAsync(uri));
        Assert.Equal(Encoding.UTF8.GetByteCount("héllo"), await Store.SizeAsync(uri));
    }

    [Fact]
    public async Task OpenReadAndSizeAsync_MissingFile_ThrowNotFoundNamingTheUri()
    {
        var uri = new Uri("kestra:///company/team/etl/executions/none/out.csv");

        var read = await Assert.ThrowsAsync<StorageException>(() => Store.OpenReadAsync(uri));
        var size = await Assert.ThrowsAsync<StorageException>(() => Store.SizeAsync(uri));

        Assert.Equal(StorageErrorKind.NotFound, read.Kind);
        Assert.Equal(StorageErrorKind.NotFound, size.Kind);
        Assert.Contains("kestra:///company/team/etl/executions/none/out.csv", read.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteAsync_StoredFile_ReturnsTrueOnce()
    {
        var uri = await PutTextAsync(TaskScope, "out.csv", "x");

        Assert.True(await Store.DeleteAsync(uri));
        Assert.False(await Store.DeleteAsync(uri));
    }

    [Fact]
    public async Task ListAsync_ByNamespaceFlowAndExecution_ReturnsFilesBelowEach()
    {
        var a = await PutTextAsync(TaskScope, "a.csv", "a");
        var b = await PutTextAsync(TaskScope with { ExecutionId = "exec2" }, "b.csv", "b");
        var c = await PutTextAsync(new StorageScope("company.team", "other", "exec3"), "c.csv", "c");
        var child = await PutTextAsync(new StorageScope("company.team.sub", "deep", "exec4"), "d.csv", "d");
        await PutTextAsync(new StorageScope("companyx", "etl", "exec1"), "x.csv", "x");

        Assert.Equal([a], await Store.ListAsync("company.team", "etl", "exec1"));
        Assert.Equal([a, b], await Store.ListAsync("company.team", "etl", null));
        Assert.Equal(new[] { a, b, c, child }.OrderBy(u => u.OriginalString, StringComparer.Ordinal), await Store.ListAsync("company.team", null, null));
    }

    [Theory]
    [InlineData("kestra:///company/../../etc/passwd")]
    [InlineData("kestra:///company/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("kestra:///company/a%2Fb/file")]
    [InlineData("kestra:///company/a%5Cb/file")]
    [InlineData("kestra:///company/%252e%252e/file")]
    [InlineData("kestra://host/company/file")]
    [InlineData("file:///etc/passwd")]
    [InlineData("kestra:///company/file?x=1")]
    public async Task OpenReadAsync_HostileUri_ThrowsInvalidPath(string uri)
    {
        var error = await Assert.ThrowsAsync<StorageException>(() => Store.OpenReadAsync(new Uri(uri)));

        Assert.Equal(StorageErrorKind.InvalidPath, error.Kind);
    }

    [Fact]
    public async Task PutAsync_UnsafeFileName_ThrowsInvalidPath()
    {
        var error = await Assert.ThrowsAsync<StorageException>(() => PutTextAsync(TaskScope, "../../../escape", "x"));

        Assert.Equal(StorageErrorKind.InvalidPath, error.Kind);
    }

    public void Dispose()
    {
        _backend.Dispose();
        GC.SuppressFinalize(this);
    }

    private Task<Uri> PutTextAsync(StorageScope scope, string name, string text) =>
        Store.PutAsync(scope, name, new MemoryStream(Encoding.UTF8.GetBytes(text)));

    private async Task<string> ReadTextAsync(Uri uri)
    {
        await using var stream = await Store.OpenReadAsync(uri);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }
}

public sealed class LocalInternalStorageTests() : InternalStorageContract(new LocalBackend());

[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class BlobInternalStorageTests(AzuriteFixture azurite) : InternalStorageContract(new BlobBackend(azurite));
