using Microsoft.CodeAnalysis.Diagnostics;

namespace LambdaBestPractices.Analyzers.Internals;

/// <summary>Reading <c>.editorconfig</c> and global options the way the compiler reads its own.</summary>
internal static class OptionExtensions
{
    /// <summary>A <c>true</c>/<c>false</c> value (any case, surrounding blanks ignored); false when the key is absent or holds anything else.</summary>
    public static bool TryReadBool(this AnalyzerConfigOptions options, string key, out bool value)
    {
        value = false;
        return options.TryGetValue(key, out var text) && bool.TryParse(text.Trim(), out value);
    }
}
