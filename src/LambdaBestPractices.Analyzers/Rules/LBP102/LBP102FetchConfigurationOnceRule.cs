using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using LambdaBestPractices.Analyzers.Internals;
using LambdaBestPractices.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaBestPractices.Analyzers.Rules;

/// <summary>
/// LBP102: configuration or a secret fetched on every invocation. On a handler's invocation path: Parameter Store
/// <c>GetParameter</c>/<c>GetParameters</c>/<c>GetParametersByPath</c> and Secrets Manager <c>GetSecretValue</c>
/// (<see cref="ConfigurationFetches"/>) whose value is not kept: not stored in a field or property, a cache held by one
/// (<c>Set</c>, <c>TryAdd</c>, an indexer), lazy initialization (<c>??=</c>, a null-checked assignment), or a per-key cache's
/// factory. A fetch whose value its method returns is decided by the method's callers, at compilation end: silent when
/// any caller keeps the result. <c>Lazy&lt;T&gt;</c> factories, constructors and other init code are off the path already
/// (the handler model). No code fix: where the value is kept (a field at init, a <c>Lazy&lt;Task&lt;T&gt;&gt;</c>, a cache
/// with a TTL) is the team's choice; the rule page shows each.
/// </summary>
public sealed class LBP102FetchConfigurationOnceRule : PathRule
{
    private static readonly WordSet MentionedWords = WordSet.Of("GetParameter", "GetSecretValue");

    // Per compilation: the source methods some caller keeps the result of.
    private static readonly ConditionalWeakTable<LambdaCompilation, ConcurrentDictionary<IMethodSymbol, byte>> s_keptResults = new();

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LBP102_FetchConfigurationOnce, Descriptors.LBP102_FetchConfigurationOnce_CrossType);

    private protected override DiagnosticDescriptor LiveDescriptor => Descriptors.LBP102_FetchConfigurationOnce;

    private protected override DiagnosticDescriptor CrossTypeDescriptor => Descriptors.LBP102_FetchConfigurationOnce_CrossType;

    /// <summary>Only where Parameter Store or Secrets Manager is referenced.</summary>
    private protected override bool RuleAppliesTo(LambdaSymbols symbols) => symbols.HasParameterStore || symbols.HasSecretsManager;

    private protected override bool RegisterSiteActions(TypeStart context, LambdaSymbols symbols, TypeSites sites)
    {
        var compilation = LambdaCompilation.For(symbols.Compilation);
        var kept = s_keptResults.GetValue(compilation, static _ => new ConcurrentDictionary<IMethodSymbol, byte>(SymbolEqualityComparer.Default));
        var mentions = compilation.Prefilter.Mentions(context.Type, MentionedWords, context.CancellationToken);

        context.RegisterOperationAction(
            operationContext =>
            {
                var invocation = (IInvocationOperation)operationContext.Operation;
                var method = invocation.TargetMethod;
                if (mentions && ConfigurationFetches.WhatIsFetched(method) is { } fetched)
                {
                    AddSite(invocation, method, fetched, operationContext.ContainingSymbol, symbols, sites, kept);
                }
                else if (IsPossibleFetchHelper(method, compilation, operationContext.CancellationToken)
                    && ConfigurationFetches.UseOf(invocation, symbols) == FetchUse.Cached)
                {
                    kept.TryAdd(method.OriginalDefinition, 0);
                }
            },
            OperationKind.Invocation);
        return mentions;
    }

    private static void AddSite(IInvocationOperation fetch, IMethodSymbol method, string fetched, ISymbol containingSymbol, LambdaSymbols symbols, TypeSites sites, ConcurrentDictionary<IMethodSymbol, byte> kept)
    {
        var arguments = ImmutableArray.Create<object?>(method.Name, fetched);
        var function = fetch.ContainingFunction(containingSymbol);
        switch (ConfigurationFetches.UseOf(fetch, symbols))
        {
            case FetchUse.NotCached:
                sites.Add(new PathSite(function, fetch.Syntax.GetLocation(), arguments));
                break;

            // Returned by a method or local function: its callers decide. Returned by a lambda (a retry policy's delegate,
            // a factory): where the result goes is not followed, so the rule stays silent.
            case FetchUse.Returned when ReturningMethod(fetch, containingSymbol) is { } helper:
                sites.Add(new ReturnedFetchSite(function, fetch.Syntax.GetLocation(), arguments, helper, kept));
                break;
        }
    }

    private static IMethodSymbol? ReturningMethod(IOperation fetch, ISymbol containingSymbol)
    {
        for (var current = fetch.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case ILocalFunctionOperation local:
                    return local.Symbol;
                case IAnonymousFunctionOperation:
                    return null;
            }
        }

        return containingSymbol as IMethodSymbol;
    }

    /// <summary>
    /// A call whose result may be a fetched value: a method declared in source, returning something, in a type whose files
    /// fetch (a helper), or on an interface or an overridable member (its implementation may be one).
    /// </summary>
    private static bool IsPossibleFetchHelper(IMethodSymbol method, LambdaCompilation compilation, System.Threading.CancellationToken cancellationToken) =>
        !method.ReturnsVoid
        && method.ContainingType is { DeclaringSyntaxReferences.IsEmpty: false } type
        && (type.TypeKind == TypeKind.Interface || method.IsAbstract || method.IsVirtual || compilation.Prefilter.Mentions(type, MentionedWords, cancellationToken));

    private protected override Diagnostic? CreateCrossTypeDiagnostic(DiagnosticDescriptor descriptor, RuleSite site, Reachability reach)
    {
        if (site is not ReturnedFetchSite returned)
        {
            return base.CreateCrossTypeDiagnostic(descriptor, site, reach);
        }

        return reach.SourcesReaching(site.Function) == EventSources.None || IsKept(returned.Helper, returned.KeptResults)
            ? null
            : Diagnostic.Create(descriptor, site.Location, System.Linq.ImmutableArrayExtensions.ToArray(returned.MessageArguments));
    }

    /// <summary>Whether a caller keeps the result of <paramref name="helper"/>, called directly, through an interface it implements or a member it overrides.</summary>
    private static bool IsKept(IMethodSymbol helper, ConcurrentDictionary<IMethodSymbol, byte> kept)
    {
        var definition = helper.OriginalDefinition;
        if (kept.ContainsKey(definition))
        {
            return true;
        }

        for (var overridden = definition.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
        {
            if (kept.ContainsKey(overridden.OriginalDefinition))
            {
                return true;
            }
        }

        if (definition.ContainingType is not { } type)
        {
            return false;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            foreach (var member in implemented.GetMembers(definition.Name))
            {
                if (member is IMethodSymbol interfaceMethod
                    && kept.ContainsKey(interfaceMethod.OriginalDefinition)
                    && SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(member)?.OriginalDefinition, definition))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A fetch whose value its method returns: reported at compilation end unless a caller keeps the result.</summary>
    private sealed class ReturnedFetchSite : RuleSite
    {
        public ReturnedFetchSite(FunctionKey function, Location location, ImmutableArray<object?> messageArguments, IMethodSymbol helper, ConcurrentDictionary<IMethodSymbol, byte> keptResults)
            : base(function, location)
        {
            MessageArguments = messageArguments;
            Helper = helper;
            KeptResults = keptResults;
        }

        /// <summary>The compilation's methods whose result some caller keeps (complete at compilation end).</summary>
        public ConcurrentDictionary<IMethodSymbol, byte> KeptResults { get; }

        public ImmutableArray<object?> MessageArguments { get; }

        public IMethodSymbol Helper { get; }

        // Decided at compilation end, when every caller has been seen.
        public override Diagnostic? CreateDiagnostic(DiagnosticDescriptor descriptor, EventSources reachingSources) => null;
    }
}
