using LambdaBestPractices.Analyzers.Internals;
using LambdaBestPractices.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaBestPractices.Analyzers.Rules;

/// <summary>
/// LBP206's reading of a value that is meant to differ between execution environments: what makes it, or null.
/// </summary>
internal static class UniqueValues
{
    /// <summary>
    /// What makes <paramref name="value"/> unique: the engine's fresh values (<see cref="ValueOrigins.FreshSource"/>:
    /// <c>Guid.NewGuid()</c>, <c>DateTime.UtcNow</c>, <c>RandomNumberGenerator</c>, <c>Environment.TickCount</c>, ...) and a
    /// <c>new Random(...)</c>, looking through conversions and what is made of it (<c>Guid.NewGuid().ToString("N")</c>,
    /// <c>DateTime.UtcNow.Ticks</c>), or null.
    /// </summary>
    public static string? MadeBy(IOperation value, LambdaSymbols symbols)
    {
        var current = value.WalkDownConversion();
        for (var step = 0; step < 4; step++)
        {
            if (ValueOrigins.FreshSource(current) is { } fresh)
            {
                return fresh;
            }

            switch (current)
            {
                // A generator made at init: every restored environment draws the same sequence from it.
                case IObjectCreationOperation creation when LambdaSymbols.Contains(symbols.Random, creation.Type):
                    return creation.Arguments.IsEmpty ? "new Random()" : "new Random(seed)";

                // What is made of it: `Guid.NewGuid().ToString("N")`, `DateTime.UtcNow.Ticks`, `$"{Guid.NewGuid()}"`.
                case IInvocationOperation { Instance: { } instance }:
                    current = instance.WalkDownConversion();
                    continue;
                case IPropertyReferenceOperation { Instance: { } instance }:
                    current = instance.WalkDownConversion();
                    continue;
                case IInterpolatedStringOperation interpolated:
                    foreach (var part in interpolated.Parts)
                    {
                        if (part is IInterpolationOperation hole && MadeBy(hole.Expression, symbols) is { } made)
                        {
                            return made;
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }

        return null;
    }
}
