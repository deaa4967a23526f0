using System;
using Microsoft.CodeAnalysis.Text;

namespace LambdaBestPractices.Analyzers.Internals;

/// <summary>
/// A plain-text prefilter: whether a file's text contains a word at all. A rule whose every form needs an identifier to
/// be written in the file (a method or property name) asks this once per file and registers no operation action for the
/// types of files that do not contain it, so most code costs it nothing. Reads the text in chunks: no copy of the file.
/// </summary>
internal static class SourceTextSearch
{
    private const int ChunkSize = 4096;

    public static bool Contains(SourceText text, string needle)
    {
        if (needle.Length == 0)
        {
            return true;
        }

        if (text.Length < needle.Length)
        {
            return false;
        }

        // Consecutive chunks overlap by needle.Length - 1 characters, so a match across a chunk boundary is seen.
        var buffer = new char[Math.Max(ChunkSize, needle.Length * 2)];
        var start = 0;
        while (start <= text.Length - needle.Length)
        {
            var count = Math.Min(buffer.Length, text.Length - start);
            text.CopyTo(start, buffer, 0, count);
            for (var i = 0; i + needle.Length <= count; i++)
            {
                if (buffer[i] == needle[0] && Matches(buffer, i, needle))
                {
                    return true;
                }
            }

            if (start + count >= text.Length)
            {
                break;
            }

            start += count - (needle.Length - 1);
        }

        return false;
    }

    private static bool Matches(char[] buffer, int offset, string needle)
    {
        for (var j = 1; j < needle.Length; j++)
        {
            if (buffer[offset + j] != needle[j])
            {
                return false;
            }
        }

        return true;
    }
}
