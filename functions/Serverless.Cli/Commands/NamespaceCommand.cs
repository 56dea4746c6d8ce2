using System.CommandLine;
using Serverless.Cli.Terminal;
using Serverless.Durable.Embedded;
using Serverless.Engine.Azure.Storage;
using Serverless.Engine.Storage;

namespace Serverless.Cli.Commands;

/// <summary>
/// <c>flows namespace files upload|list|download|delete</c>: manages namespace files (the scripts and
/// configs script tasks materialise with <c>namespaceFiles.enabled</c>) in local or Blob storage.
/// </summary>
internal static partial class NamespaceCommand
{
    public static Command Create()
    {
        var files = new Command("files", "Manage a namespace's files: the scripts, templates and configs flows read at run time.");
        files.Subcommands.Add(UploadCommand());
        files.Subcommands.Add(ListCommand());
        files.Subcommands.Add(DownloadCommand());
        files.Subcommands.Add(DeleteCommand());
        var command = new Command("namespace", "Namespace resources.");
        command.Subcommands.Add(files);
        return command;
    }

    private static Option<string?> StorageOption() => new("--storage")
    {
        Description = "local (default: ./.flows), local:PATH, azurite, a blob service URL (signed in with DefaultAzureCredential) "
            + "or a connection string. Defaults to $FLOWS_STORAGE.",
    };

    private static Argument<string> NamespaceArgument() => new("namespace") { Description = "The namespace, e.g. company.team." };

    /// <summary>Runs <paramref name="action"/> against the stores, turning storage and argument errors into one red line and exit code 1.</summary>
    private static async Task<int> WithStoresAsync(string? storage, string ns, Func<INamespaceFileStore, CliConsole, Task<int>> action)
    {
        var stderr = Consoles.Stderr();
        try
        {
            StoragePaths.ValidateNamespace(ns);
            var options = EngineStorage.Parse(storage);
            stderr.Dim($"Storage: {EngineStorage.Describe(options)}");
            var stores = StorageFactory.Create(options);
            return await action(stores.NamespaceFiles, stderr);
        }
        catch (Exception e) when (e is StorageException or ArgumentException or IOException or UnauthorizedAccessException
            or Azure.RequestFailedException or Azure.Identity.AuthenticationFailedException)
        {
            stderr.Error(e is Azure.RequestFailedException failed ? $"Storage request failed ({failed.Status}): {failed.ErrorCode ?? failed.Message}" : e.Message);
            return 1;
        }
    }
}
