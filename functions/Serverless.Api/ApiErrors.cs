namespace Serverless.Api;

/// <summary>The error body of every failed call, in Kestra's shape: a message and, for validation, details with positions.</summary>
public sealed record ApiErrorBody(string Message, IReadOnlyList<ApiErrorDetail> Details);

/// <summary>One problem: the property path, what is wrong, and where in the YAML when known.</summary>
public sealed record ApiErrorDetail(string Path, string Message, int? Line = null, int? Column = null);

/// <summary>A failure a handler reports to the client as <see cref="Status"/> with an <see cref="ApiErrorBody"/>.</summary>
public sealed class ApiException : Exception
{
    public ApiException()
        : this(500, "Internal error.")
    {
    }

    public ApiException(string message)
        : this(400, message)
    {
    }

    public ApiException(string message, Exception innerException)
        : base(message, innerException) => Status = 400;

    public ApiException(int status, string message, IReadOnlyList<ApiErrorDetail>? details = null)
        : base(message)
    {
        Status = status;
        Details = details ?? [];
    }

    public int Status { get; }

    public IReadOnlyList<ApiErrorDetail> Details { get; } = [];

    public static ApiException BadRequest(string message) => new(400, message);

    public static ApiException NotFound(string message) => new(404, message);

    public static ApiException Conflict(string message) => new(409, message);

    public static ApiException TooLarge(long limit) => new(413, $"The request body is larger than the {limit} bytes this route accepts.");

    public static ApiException Unsupported(string? contentType, params string[] accepted) =>
        new(415, $"Content type '{contentType ?? "(none)"}' is not accepted here; send {string.Join(" or ", accepted)}.");

    public static ApiException Unprocessable(string message, IReadOnlyList<ApiErrorDetail>? details = null) => new(422, message, details);
}
