namespace DualRail.Client.Http;

/// <summary>A request body read once into memory so that the paid retry sends the very same bytes.</summary>
internal sealed class BufferedContent
{
    private readonly byte[] _bytes;
    private readonly List<KeyValuePair<string, IEnumerable<string>>> _headers;

    private BufferedContent(byte[] bytes, List<KeyValuePair<string, IEnumerable<string>>> headers)
    {
        _bytes = bytes;
        _headers = headers;
    }

    /// <summary>Reads the request's content and replaces it with a buffered copy; null when it has none.</summary>
    public static async Task<BufferedContent?> CaptureAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is null)
            return null;
        var bytes = await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var buffered = new BufferedContent(bytes, request.Content.Headers.ToList());
        request.Content.Dispose();
        request.Content = buffered.Clone();
        return buffered;
    }

    public HttpContent Clone()
    {
        var content = new ByteArrayContent(_bytes);
        foreach (var (name, values) in _headers)
            content.Headers.TryAddWithoutValidation(name, values);
        return content;
    }
}
