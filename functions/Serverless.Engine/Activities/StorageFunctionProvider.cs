using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Engine.Contracts;
using Serverless.Engine.Expressions;
using Serverless.Engine.Storage;
using Serverless.Engine.Tasks.Kv;
using Serverless.Engine.Tasks.Storage;

namespace Serverless.Engine.Activities;

/// <summary>
/// Storage-backed expression functions, scoped to the task's namespace:
/// <c>read('path')</c> (a namespace file, or a <c>kestra://</c> URI of the namespace) as text,
/// <c>fileSize(uri)</c> in bytes, and <c>kv('key', namespace=…, errorOnMissing=true)</c> (the flow's
/// namespace or one of its children only). Stores are resolved when a function is called, so a worker
/// without storage still renders templates that do not use them.
/// </summary>
public sealed class StorageFunctionProvider(IServiceProvider services) : IExpressionFunctionProvider
{
    /// <summary>Largest file <c>read()</c> returns; templates are not the place for bigger files.</summary>
    public const long MaxReadBytes = 10 * 1024 * 1024;

    public IEnumerable<KeyValuePair<string, ExpressionFunction>> Functions(TaskRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        yield return new("read", (args, _) => Read(request.Namespace, args.GetString(0, "path")));
        yield return new("fileSize", (args, _) => FileSize(request.Namespace, args.GetString(0, "path")));
        yield return new("kv", (args, _) => Kv(request.Namespace, args));
    }

    private string Read(string ns, string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            throw new ExpressionException("read() needs a namespace file path or a kestra:// URI");
        }

        using var stream = Run(() => InternalFiles.IsKestraUri(path)
            ? Store<IInternalStorage>("read()").OpenReadAsync(InternalFiles.CheckNamespace(path, ns))
            : OpenNamespaceFileAsync(ns, path));
        using var limited = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            if (limited.Length + read > MaxReadBytes)
            {
                throw new ExpressionException($"read('{path}'): the file is larger than {MaxReadBytes} bytes");
            }

            limited.Write(buffer, 0, read);
        }

        return Encoding.UTF8.GetString(limited.GetBuffer(), 0, (int)limited.Length);
    }

    private async Task<Stream> OpenNamespaceFileAsync(string ns, string path) =>
        await Store<INamespaceFileStore>("read()").OpenReadAsync(ns, path.TrimStart('/'))
            ?? throw new ExpressionException($"read('{path}'): no such namespace file in '{ns}'");

    private long FileSize(string ns, string? uri)
    {
        if (!InternalFiles.IsKestraUri(uri))
        {
            throw new ExpressionException($"fileSize() needs a kestra:// URI, not '{uri}'");
        }

        return Run(() => Store<IInternalStorage>("fileSize()").SizeAsync(InternalFiles.CheckNamespace(uri!, ns)));
    }

    private object? Kv(string flowNamespace, FunctionArguments args)
    {
        var key = args.GetString(0, "key") ?? throw new ExpressionException("kv() needs a key, e.g. kv('my_key')");
        var ns = KvNamespaces.Resolve(flowNamespace, args.GetString(1, "namespace"));
        var errorOnMissing = args.GetBool(2, "errorOnMissing", fallback: true);
        var json = Run(() => Store<IKeyValueStore>("kv()").GetAsync(ns, key));
        return json is not null ? PlainValues.ParseJson(json)
            : errorOnMissing ? throw new ExpressionException($"kv('{key}'): no such key in namespace '{ns}' (or it expired)")
            : null;
    }

    private T Store<T>(string function)
        where T : notnull =>
        services.GetService<T>() ?? throw new ExpressionException($"{function} needs a storage backend, and none is configured in this worker");

    /// <summary>Runs a storage call synchronously (expression functions are synchronous), turning storage errors into template errors.</summary>
    private static T Run<T>(Func<Task<T>> call)
    {
        try
        {
            return call().GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is StorageException or UnauthorizedAccessException or ArgumentException)
        {
            throw new ExpressionException(e.Message);
        }
    }
}
