using System.Collections.Concurrent;
using System.Collections.Generic;
using LambdaBestPractices.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace LambdaBestPractices.Analyzers.Rules;

/// <summary>
/// LBP401 through the project's own wrappers: a parameter of a method declared in source that lands in an SDK slot
/// (<c>Task UploadAsync(string bucket, ...) =&gt; _s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, ... })</c>)
/// makes every constant string its callers pass a hard-coded resource name (<c>_storage.UploadAsync("my-bucket", ...)</c>),
/// reported at the literal. Both sides are collected as the types are analyzed and joined at compilation end, through
/// interfaces and overrides (<see cref="CrossTypeArguments.CalledAs"/>). One call deep: a wrapper of a wrapper is not followed.
/// </summary>
internal sealed class WrapperSlots
{
    private readonly ConcurrentDictionary<IParameterSymbol, ResourceKind> _slotParameters = new(SymbolEqualityComparer.Default);
    private readonly CallerValues<(ConstantString Origin, Location Use)> _passed = new();

    /// <summary>Records that <paramref name="parameter"/> lands, as it is, in a slot naming a <paramref name="kind"/>.</summary>
    public void AddSlotParameter(IParameterSymbol parameter, ResourceKind kind) =>
        _slotParameters.AddOrUpdate(parameter.OriginalDefinition, kind, (_, known) => known < kind ? known : kind);

    /// <summary>Records that a call of <paramref name="target"/> passes the constant <paramref name="origin"/> to parameter <paramref name="ordinal"/>.</summary>
    public void AddPassedConstant(IMethodSymbol target, int ordinal, ConstantString origin, Location use) => _passed.Add(target, ordinal, (origin, use));

    /// <summary>
    /// The constants passed to slot parameters, as LBP401 candidates (the slot is the wrapper's parameter). A call through an
    /// interface or a base method counts only when every implementation or override in source puts that parameter in a
    /// slot (another may use it as a folder or a label). <paramref name="isExcluded"/> says whether the call site's
    /// options exclude the wrapper (its <c>Type.Method</c>) or its parameter's name.
    /// </summary>
    public IEnumerable<LBP401DontHardCodeResourceNamesRule.Candidate> Candidates(Compilation compilation, System.Func<Location, string, string, bool> isExcluded)
    {
        if (_slotParameters.IsEmpty || _passed.IsEmpty)
        {
            yield break;
        }

        var everyImplementation = new Dictionary<(IMethodSymbol, int), bool>();
        foreach (var pair in _slotParameters)
        {
            var (parameter, kind) = (pair.Key, pair.Value);
            if (parameter.ContainingSymbol is not IMethodSymbol method)
            {
                continue;
            }

            var wrapper = $"{method.ContainingType?.Name}.{method.Name}";
            var slot = $"the '{parameter.Name}' argument of '{wrapper}'";
            foreach (var ((origin, use), callee, exact) in _passed.To(parameter))
            {
                if (exact)
                {
                    var key = (callee.OriginalDefinition, parameter.Ordinal);
                    if (!everyImplementation.TryGetValue(key, out var all))
                    {
                        everyImplementation[key] = all = EveryImplementationIsASlot(compilation, callee.OriginalDefinition, parameter.Ordinal);
                    }

                    if (!all)
                    {
                        continue;
                    }
                }

                if (!isExcluded(use, wrapper, parameter.Name))
                {
                    yield return new LBP401DontHardCodeResourceNamesRule.Candidate(origin, kind, slot, use);
                }
            }
        }
    }

    /// <summary>Whether every method in source that a call of <paramref name="callee"/> may run puts parameter <paramref name="ordinal"/> in a slot.</summary>
    private bool EveryImplementationIsASlot(Compilation compilation, IMethodSymbol callee, int ordinal)
    {
        if (!callee.IsAbstract && callee.ContainingType?.TypeKind != TypeKind.Interface && !IsSlot(callee, ordinal))
        {
            return false;
        }

        // Explicit implementations are named `IStorage.UploadAsync`: match the plain name and that suffix.
        var name = callee.Name;
        var suffix = "." + name;
        foreach (var symbol in compilation.GetSymbolsWithName(n => n == name || n.EndsWith(suffix, System.StringComparison.Ordinal), SymbolFilter.Member))
        {
            if (symbol is IMethodSymbol candidate && !SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, callee) && Runs(candidate, callee)
                && !IsSlot(candidate, ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private bool IsSlot(IMethodSymbol method, int ordinal) =>
        ordinal < method.Parameters.Length && _slotParameters.ContainsKey(method.OriginalDefinition.Parameters[ordinal]);

    /// <summary>Whether a call of <paramref name="callee"/> may run <paramref name="candidate"/> (it overrides or implements it).</summary>
    private static bool Runs(IMethodSymbol candidate, IMethodSymbol callee)
    {
        foreach (var (calledAs, _) in CrossTypeArguments.CalledAs(candidate))
        {
            if (SymbolEqualityComparer.Default.Equals(calledAs.OriginalDefinition, callee))
            {
                return true;
            }
        }

        return false;
    }
}
