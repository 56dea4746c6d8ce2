using Serverless.Engine.Executions;
using Serverless.Engine.Tests.Support;

namespace Serverless.Engine.Tests.Tasks;

[Collection(TaskEngineCollection.Name)]
public sealed class StorageTaskTests(TaskEngineFixture fixture)
{
    [Fact]
    public async Task WriteSizeConcatDelete_RoundTrip_Works()
    {
        var execution = await fixture.RunAsync("""
            id: storage_roundtrip
            namespace: storage.tasks
            tasks:
              - id: first
                type: io.kestra.plugin.core.storage.Write
                content: hello
                extension: .txt
              - id: second
                type: io.kestra.plugin.core.storage.Write
                content: world
                extension: .txt
              - id: size
                type: io.kestra.plugin.core.storage.Size
                uri: "{{ outputs.first.uri }}"
              - id: concat
                type: io.kestra.plugin.core.storage.Concat
                files:
                  - "{{ outputs.first.uri }}"
                  - "{{ outputs.second.uri }}"
                separator: ", "
                extension: .txt
              - id: fileSize
                type: io.kestra.plugin.core.debug.Return
                format: "{{ fileSize(outputs.concat.uri) }}"
              - id: delete
                type: io.kestra.plugin.core.storage.Delete
                uri: "{{ outputs.first.uri }}"
            """);

        Assert.Equal(State.SUCCESS, execution.State.Current);
        Assert.Equal(5L, execution.Run("size").Outputs!["size"]);
        Assert.Equal("hello, world", await fixture.ReadInternalAsync((string)execution.Run("concat").Outputs!["uri"]!));
        Assert.Equal("12", execution.Run("fileSize").Outputs!["value"]);
        Assert.Equal(true, execution.Run("delete").Outputs!["deleted"]);
        await Assert.ThrowsAsync<Serverless.Engine.Storage.StorageException>(() => fixture.ReadInternalAsync((string)execution.Run("first").Outputs!["uri"]!));
    }

    [Fact]
    public async Task Size_UriOfAnotherNamespace_IsRefused()
    {
        var execution = await fixture.RunAsync("""
            id: storage_other
            namespace: storage.tasks
            tasks:
              - id: size
                type: io.kestra.plugin.core.storage.Size
                uri: kestra:///other/ns/flow/executions/abc/file.txt
            """);

        Assert.Equal(State.FAILED, execution.State.Current);
        Assert.Contains(fixture.LogsOf(execution), l => l.Level == "ERROR" && l.Message.Contains("outside namespace 'storage.tasks'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NamespaceFileTasks_UploadReadDownloadDelete_Work()
    {
        var execution = await fixture.RunAsync("""
            id: ns_tasks
            namespace: storage.nsfiles
            tasks:
              - id: write
                type: io.kestra.plugin.core.storage.Write
                content: "print('hi')"
                extension: .py
              - id: upload
                type: io.kestra.plugin.core.namespace.UploadFiles
                files:
                  scripts/hi.py: "{{ outputs.write.uri }}"
              - id: read
                type: io.kestra.plugin.core.debug.Return
                format: "{{ read('scripts/hi.py') }}"
              - id: download
                type: io.kestra.plugin.core.namespace.DownloadFiles
                files:
                  - "scripts/**"
              - id: delete
                type: io.kestra.plugin.core.namespace.DeleteFiles
                files: "scripts/*.py"
            """);

        Assert.Equal(State.SUCCESS, execution.State.Current);
        Assert.Equal("print('hi')", execution.Run("read").Outputs!["value"]);
        var downloaded = (IReadOnlyDictionary<string, object?>)execution.Run("download").Outputs!["files"]!;
        Assert.Equal("print('hi')", await fixture.ReadInternalAsync((string)downloaded["scripts/hi.py"]!));
        Assert.Equal(["scripts/hi.py"], ((IReadOnlyList<object?>)execution.Run("delete").Outputs!["files"]!).Cast<string>());
        Assert.Empty(await fixture.Stores.NamespaceFiles.ListAsync("storage.nsfiles"));
    }
}
