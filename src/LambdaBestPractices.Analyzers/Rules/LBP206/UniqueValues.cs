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
    /// What makes <paramref name="value"/> unique (<c>Guid.NewGuid()</c>, <c>new Random()</c>,
    /// <c>RandomNumberGenerator.GetBytes(...)</c>, <c>DateTime.UtcNow</c>, ...), looking through conversions and what is
    /// made of it (<c>Guid.NewGuid().ToString("N")</c>, <c>DateTime.UtcNow.Ticks</c>), or null.
    /// </summary>
    public static string? MadeBy(IOperation value, LambdaSymbols symbols)
    {
        var current = value.WalkDownConversion();
        for (var step = 0; step < 4; step++)
        {
            switch (current)
            {
                case IInvocationOperation { TargetMethod: { IsStatic: true } method } when method.Name is "NewGuid" or "CreateVersion7" && LambdaSymbols.Contains(symbols.Guid, method.ContainingType):
                    return "Guid." + method.Name + "()";
                case IInvocationOperation { TargetMethod: { IsStatic: true } method } when method.Name.StartsWith("Get", System.StringComparison.Ordinal)
                    && LambdaSymbols.Contains(symbols.RandomNumberGenerator, method.ContainingType):
                    return "RandomNumberGenerator." + method.Name + "(...)";
                case IInvocationOperation { TargetMethod: { IsStatic: true, Name: "GetTimestamp" } method } when LambdaSymbols.Contains(symbols.Stopwatch, method.ContainingType):
                    return "Stopwatch.GetTimestamp()";
                case IObjectCreationOperation creation when LambdaSymbols.Contains(symbols.Random, creation.Type):
                    return creation.Arguments.IsEmpty ? "new Random()" : "new Random(seed)";
                case IPropertyReferenceOperation { Property: { IsStatic: true } property } when property.Name is "Now" or "UtcNow" or "Today"
                    && (property.ContainingType.SpecialType == SpecialType.System_DateTime || LambdaSymbols.Contains(symbols.DateTimeOffset, property.ContainingType)):
                    return property.ContainingType.Name + "." + property.Name;
                case IPropertyReferenceOperation { Property: { IsStatic: true } property } when property.Name is "TickCount" or "TickCount64" && LambdaSymbols.Contains(symbols.Environment, property.ContainingType):
                    return "Environment." + property.Name;

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
