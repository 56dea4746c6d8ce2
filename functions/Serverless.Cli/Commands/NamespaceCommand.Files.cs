using System.CommandLine;
using Serverless.Cli.Terminal;
using Serverless.Engine.Storage;
using Spectre.Console;

namespace Serverless.Cli.Commands;

/// <summary>The four file subcommands.</summary>
internal static partial class NamespaceCommand
{
    private static Command UploadCommand()
    {
        var ns = NamespaceArgument();
        var dir = new Argument<string>("local-dir") { Description = "A local folder (uploaded recursively) or a single file." };
        var to = new Option<string?>("--to") { Description = "A folder prefix inside the namespace, e.g. scripts." };
        var storage = StorageOption();
        var command = new Command("upload", "Upload a local folder (or file) as namespace files; existing files are replaced.") { ns, dir, to, storage };
        command.SetAction((r, ct) => WithStoresAsync(r.GetValue(storage), r.GetValue(ns)!,
            (store, console) => UploadAsync(store, console, r.GetValue(ns)!, r.GetValue(dir)!, r.GetValue(to), ct)));
        return command;
    }

    private static Command ListCommand()
    {
        var ns = NamespaceArgument();
        var prefix = new Option<string?>("--prefix") { Description = "Only paths starting with this prefix." };
        var storage = StorageOption();
        var command = new Command("list", "List a namespace's files as a table (path, size, last modified).") { ns, prefix, storage };
        command.SetAction((r, ct) => WithStoresAsync(r.GetValue(storage), r.GetValue(ns)!, async (store, _) =>
        {
            var files = await store.ListAsync(r.GetValue(ns)!, r.GetValue(prefix), ct);
            var table = new Table().AddColumn("Path").AddColumn(new TableColumn("Size").RightAligned()).AddColumn("Last modified (UTC)");
            foreach (var file in files)
            {
                table.AddRow(Markup.Escape(file.Path), file.Size.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
                    file.LastModified.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
            }

            var stdout = Consoles.Stdout();
            stdout.Ansi.Write(table);
            stdout.Dim($"{files.Count} file(s) in {r.GetValue(ns)}");
            return 0;
        }));
        return command;
    }

    private static Command DownloadCommand()
    {
        var ns = NamespaceArgument();
        var path = new Argument<string>("path") { Description = "The namespace file's path, e.g. scripts/main.py." };
        var output = new Option<string?>("--out", "-o") { Description = "Write to this file instead of stdout." };
        var storage = StorageOption();
        var command = new Command("download", "Print a namespace file to stdout, or save it with --out.") { ns, path, output, storage };
        command.SetAction((r, ct) => WithStoresAsync(r.GetValue(storage), r.GetValue(ns)!, async (store, console) =>
        {
            await using var content = await store.OpenReadAsync(r.GetValue(ns)!, r.GetValue(path)!, ct);
            if (content is null)
            {
                console.Error($"{r.GetValue(ns)}/{r.GetValue(path)}: no such namespace file (flows namespace files list {r.GetValue(ns)} shows them).");
                return 1;
            }

            var target = r.GetValue(output);
            await using var sink = target is null ? Console.OpenStandardOutput() : File.Create(target);
            await content.CopyToAsync(sink, ct);
            if (target is not null)
            {
                console.Success($"Saved {r.GetValue(ns)}/{r.GetValue(path)} to {target}");
            }

            return 0;
        }));
        return command;
    }

    private static Command DeleteCommand()
    {
        var ns = NamespaceArgument();
        var path = new Argument<string>("path") { Description = "The namespace file's path." };
        var storage = StorageOption();
        var command = new Command("delete", "Delete a namespace file.") { ns, path, storage };
        command.SetAction((r, ct) => WithStoresAsync(r.GetValue(storage), r.GetValue(ns)!, async (store, console) =>
        {
            if (!await store.DeleteAsync(r.GetValue(ns)!, r.GetValue(path)!, ct))
            {
                console.Error($"{r.GetValue(ns)}/{r.GetValue(path)}: no such namespace file.");
                return 1;
            }

            console.Success($"Deleted {r.GetValue(ns)}/{r.GetValue(path)}");
            return 0;
        }));
        return command;
    }

    private static async Task<int> UploadAsync(INamespaceFileStore store, CliConsole console, string ns, string local, string? to, CancellationToken ct)
    {
        var prefix = string.IsNullOrWhiteSpace(to) ? "" : StoragePaths.NormalizeRelative(to.Trim('/')) + "/";
        IReadOnlyList<(string Full, string Relative)> files = File.Exists(local)
            ? [(Path.GetFullPath(local), Path.GetFileName(local))]
            : Directory.Exists(local)
                ? [.. Directory.EnumerateFiles(local, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint })
                    .Order(StringComparer.Ordinal)
                    .Select(f => (f, Path.GetRelativePath(local, f).Replace(Path.DirectorySeparatorChar, '/')))]
                : throw new IOException($"{local}: no such file or folder.");

        // Validate every path first, so a bad name does not leave a half-uploaded folder.
        var targets = files.Select(f => (f.Full, Path: StoragePaths.NormalizeRelative(prefix + f.Relative))).ToList();
        await console.Ansi.Progress().StartAsync(async progress =>
        {
            var bar = progress.AddTask($"Uploading to {ns}", maxValue: Math.Max(1, targets.Count));
            foreach (var (full, path) in targets)
            {
                await using var content = File.OpenRead(full);
                await store.WriteAsync(ns, path, content, ct);
                bar.Increment(1);
            }
        });
        foreach (var (_, path) in targets)
        {
            console.Dim($"  {ns}/{path}");
        }

        console.Success($"Uploaded {targets.Count} file(s) to namespace {ns}");
        return 0;
    }
}
