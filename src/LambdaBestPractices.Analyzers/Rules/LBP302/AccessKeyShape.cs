namespace LambdaBestPractices.Analyzers.Rules;

/// <summary>
/// LBP302: the shape of an AWS access key ID. Long-term keys start with <c>AKIA</c>, temporary (STS) keys with <c>ASIA</c>,
/// followed by 16 upper-case letters or digits. IAM's own minimum length for an access key ID is 16 characters.
/// </summary>
internal static class AccessKeyShape
{
    private const int PrefixLength = 4;
    private const int BodyLength = 16;
    private const int MinimumIamKeyIdLength = 16;

    /// <summary>
    /// Whether <paramref name="text"/> contains <c>AKIA</c> or <c>ASIA</c> + 16 of <c>[A-Z0-9]</c>, not preceded or followed
    /// by another upper-case letter or digit (so longer identifiers and base64 runs of capitals do not count).
    /// </summary>
    public static bool ContainsAccessKeyId(string? text)
    {
        if (text is null || text.Length < PrefixLength + BodyLength)
        {
            return false;
        }

        for (var i = 0; i + PrefixLength + BodyLength <= text.Length; i++)
        {
            // Both prefixes start with 'A': AKIA, ASIA.
            if (text[i] != 'A' || !StartsWithPrefix(text, i) || (i > 0 && IsKeyChar(text[i - 1])))
            {
                continue;
            }

            var end = i + PrefixLength + BodyLength;
            var body = true;
            for (var j = i + PrefixLength; j < end && body; j++)
            {
                body = IsKeyChar(text[j]);
            }

            if (body && (end == text.Length || !IsKeyChar(text[end])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A constant access key that cannot be a real one: shorter than IAM's minimum (16) or with characters an access key
    /// ID never has. Local emulators (LocalStack, DynamoDB Local) accept any keys, and code written for them passes such
    /// placeholders (<c>"test"</c>, <c>"fakeMyKeyId"</c>).
    /// </summary>
    public static bool IsPlaceholderKeyId(string value)
    {
        if (value.Length < MinimumIamKeyIdLength)
        {
            return true;
        }

        foreach (var c in value)
        {
            if (!(c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '_'))
            {
                return true;
            }
        }

        return false;
    }

    private static bool StartsWithPrefix(string text, int i) =>
        (text[i + 1] == 'K' || text[i + 1] == 'S') && text[i + 2] == 'I' && text[i + 3] == 'A';

    private static bool IsKeyChar(char c) => c is >= 'A' and <= 'Z' or >= '0' and <= '9';
}
