namespace Serverless.Engine.Storage;

/// <summary>Turns file-system failures into <see cref="StorageException"/>s that name what was being done.</summary>
internal static class LocalErrors
{
    public static T Run<T>(Func<T> operation, string what)
    {
        try
        {
            return operation();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Wrap(ex, what);
        }
    }

    public static async Task<T> RunAsync<T>(Func<Task<T>> operation, string what)
    {
        try
        {
            return await operation();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Wrap(ex, what);
        }
    }

    private static StorageException Wrap(Exception ex, string what) =>
        new(StorageErrorKind.Failed, $"Local storage could not {what}: {ex.Message}", ex);
}
