using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using LambdaBestPractices.Analyzers.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace LambdaBestPractices.Analyzers.Model;

/// <summary>
/// Words a rule needs written in a file before any of its forms can occur there (an SDK method name, a type name, an access
/// key prefix). Each rule declares its own with <see cref="Of"/>; every word of every rule gets one bit of a 64-bit mask, so
/// one scan of a file answers all rules at once (<see cref="TextPrefilter"/>).
/// </summary>
internal readonly struct WordSet
{
    private static readonly object Gate = new();
    private static readonly Dictionary<string, int> Bits = new(StringComparer.Ordinal);
    private static string[] s_words = Array.Empty<string>();

    private WordSet(ulong mask) => Mask = mask;

    public ulong Mask { get; }

    /// <summary>Every registered word, by bit (a snapshot: words are only ever added).</summary>
    internal static string[] Registered => Volatile.Read(ref s_words);

    /// <summary>The set of <paramref name="words"/>, registering the ones no rule declared before.</summary>
    public static WordSet Of(params string[] words)
    {
        lock (Gate)
        {
            var mask = 0UL;
            foreach (var word in words)
            {
                if (word.Length == 0)
                {
                    throw new ArgumentException("A prefilter word cannot be empty.", nameof(words));
                }

                if (!Bits.TryGetValue(word, out var bit))
                {
                    bit = Bits.Count;
                    if (bit == 64)
                    {
                        throw new InvalidOperationException("More than 64 prefilter words: widen WordSet.");
                    }

                    Bits.Add(word, bit);
                    var grown = new string[bit + 1];
                    Array.Copy(s_words, grown, bit);
                    grown[bit] = word;
                    Volatile.Write(ref s_words, grown);
                }

                mask |= 1UL << bit;
            }

            return new WordSet(mask);
        }
    }
}

/// <summary>
/// The text prefilter of one compilation, shared by every rule: for each file, which registered <see cref="WordSet"/> words
/// its text contains, found in one pass over the text and kept for the compilation. A rule whose every form needs one of its
/// words in the file registers nothing for the types of files that have none, so most code costs it nothing.
/// </summary>
internal sealed class TextPrefilter
{
    private const int ChunkSize = 8192;

    [ThreadStatic]
    private static char[]? t_buffer;

    // Per file: (the words found, the words looked for). A word registered after a file was scanned triggers one rescan.
    private readonly ConcurrentDictionary<SyntaxTree, (ulong Found, ulong Scanned)> _trees;

    /// <param name="presize">The number of files the table is sized for (<see cref="LambdaCompilation.PresizeFor"/>).</param>
    public TextPrefilter(int presize = 0) =>
        _trees = new(LambdaCompilation.TableConcurrency, capacity: Math.Max(31, presize));

    /// <summary>Whether the text of <paramref name="tree"/> contains one of <paramref name="words"/>.</summary>
    public bool Mentions(SyntaxTree tree, WordSet words, CancellationToken cancellationToken)
    {
        if (!_trees.TryGetValue(tree, out var known) || (words.Mask & ~known.Scanned) != 0)
        {
            using var engine = EngineMeter.Measure(EngineStep.Prefilter);
            var registered = WordSet.Registered;
            var scanned = registered.Length == 64 ? ulong.MaxValue : (1UL << registered.Length) - 1;
            known = (Scan(tree.GetText(cancellationToken), registered), scanned);
            _trees[tree] = known;
        }

        return (known.Found & words.Mask) != 0;
    }

    /// <summary>Whether some file declaring <paramref name="type"/> contains one of <paramref name="words"/>.</summary>
    public bool Mentions(INamedTypeSymbol type, WordSet words, CancellationToken cancellationToken)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (Mentions(reference.SyntaxTree, words, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The bits of the <paramref name="words"/> that occur in <paramref name="text"/>: one pass, in chunks, no copy of the
    /// file. Per character one table lookup (the words that start with it); only those are compared.
    /// </summary>
    internal static ulong Scan(SourceText text, string[] words)
    {
        if (words.Length == 0)
        {
            return 0;
        }

        var table = FirstCharacters.For(words);
        var longest = table.Longest;
        var byFirst = table.ByFirst;
        var other = table.Other;
        var bySecond = table.BySecond;
        var otherSecond = table.OtherSecond;

        var all = words.Length == 64 ? ulong.MaxValue : (1UL << words.Length) - 1;
        var buffer = t_buffer ??= new char[ChunkSize];
        if (buffer.Length < 2 * longest)
        {
            buffer = t_buffer = new char[2 * longest];
        }

        var found = 0UL;
        var start = 0;
        while (start < text.Length)
        {
            var count = Math.Min(buffer.Length, text.Length - start);
            text.CopyTo(start, buffer, 0, count);
            var last = start + count >= text.Length;

            // A match must start in this chunk; one that runs past its end is found in the next chunk, which starts
            // longest - 1 characters back (except at the end of the text).
            var limit = last ? count : count - (longest - 1);
            for (var i = 0; i < limit; i++)
            {
                var c = buffer[i];
                var candidates = (c < 128 ? byFirst[c] : other) & ~found;
                if (candidates == 0)
                {
                    continue;
                }

                // The second character rules out most candidates before any comparison (code is full of capitals that
                // start some word: `Get`, `Set`, `Service`). At the chunk's end it is not known: Matches checks the bounds.
                if (i + 1 < count)
                {
                    var d = buffer[i + 1];
                    candidates &= d < 128 ? bySecond[d] : otherSecond;
                }

                while (candidates != 0)
                {
                    var bit = TrailingZeroCount(candidates);
                    candidates &= candidates - 1;
                    var word = words[bit];
                    if (word[0] == c && Matches(buffer, i, count, word))
                    {
                        found |= 1UL << bit;
                        if (found == all)
                        {
                            return found;
                        }
                    }
                }
            }

            if (last)
            {
                break;
            }

            start += limit;
        }

        return found;
    }

    /// <summary>Per first character, the words that start with it: built once per set of registered words, not per file.</summary>
    private sealed class FirstCharacters
    {
        private static FirstCharacters? s_last;

        private FirstCharacters(string[] words)
        {
            Words = words;
            for (var bit = 0; bit < words.Length; bit++)
            {
                var word = words[bit];
                Longest = Math.Max(Longest, word.Length);
                if (word[0] < 128)
                {
                    ByFirst[word[0]] |= 1UL << bit;
                }
                else
                {
                    Other |= 1UL << bit;
                }

                if (word.Length == 1)
                {
                    // Any second character will do.
                    for (var c = 0; c < 128; c++)
                    {
                        BySecond[c] |= 1UL << bit;
                    }

                    OtherSecond |= 1UL << bit;
                }
                else if (word[1] < 128)
                {
                    BySecond[word[1]] |= 1UL << bit;
                }
                else
                {
                    OtherSecond |= 1UL << bit;
                }
            }
        }

        public string[] Words { get; }

        public ulong[] ByFirst { get; } = new ulong[128];

        public ulong Other { get; }

        /// <summary>Per second character, the words whose second character it is (a one-character word is in every entry).</summary>
        public ulong[] BySecond { get; } = new ulong[128];

        /// <summary>The words whose second character is not ASCII (and the one-character words).</summary>
        public ulong OtherSecond { get; }

        public int Longest { get; }

        public static FirstCharacters For(string[] words)
        {
            var last = Volatile.Read(ref s_last);
            if (last is not null && ReferenceEquals(last.Words, words))
            {
                return last;
            }

            var table = new FirstCharacters(words);
            Volatile.Write(ref s_last, table);
            return table;
        }
    }

    // De Bruijn multiplication: the index of the lowest set bit in constant time (netstandard2.0 has no BitOperations).
    private const ulong DeBruijn64 = 0x03F79D71B4CB0A89UL;

    private static readonly int[] DeBruijnPositions =
    {
        0, 1, 48, 2, 57, 49, 28, 3, 61, 58, 50, 42, 38, 29, 17, 4,
        62, 55, 59, 36, 53, 51, 43, 22, 45, 39, 33, 30, 24, 18, 12, 5,
        63, 47, 56, 27, 60, 41, 37, 16, 54, 35, 52, 21, 44, 32, 23, 11,
        46, 26, 40, 15, 34, 20, 31, 10, 25, 14, 19, 9, 13, 8, 7, 6,
    };

    /// <summary>The index of the lowest set bit of <paramref name="value"/> (not zero).</summary>
    internal static int TrailingZeroCount(ulong value) => DeBruijnPositions[(int)(((value & (0 - value)) * DeBruijn64) >> 58)];

    private static bool Matches(char[] buffer, int offset, int count, string word)
    {
        if (offset + word.Length > count)
        {
            return false;
        }

        for (var j = 1; j < word.Length; j++)
        {
            if (buffer[offset + j] != word[j])
            {
                return false;
            }
        }

        return true;
    }
}
