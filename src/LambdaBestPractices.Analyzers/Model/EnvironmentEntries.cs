using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using LambdaBestPractices.Analyzers.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaBestPractices.Analyzers.Model;

/// <summary>Whose environment an entry is written into.</summary>
internal enum EnvironmentKind
{
    /// <summary>The running process's: <c>Environment.SetEnvironmentVariable(name, value)</c>.</summary>
    Process,

    /// <summary>A CDK function's: <c>FunctionProps.Environment</c>, <c>Function.AddEnvironment(key, value)</c>.</summary>
    CdkFunction,
}

/// <summary>One entry written into an environment, as a rule's classifier named it.</summary>
internal readonly struct EnvironmentEntry
{
    public EnvironmentEntry(EnvironmentKind kind, IOperation site, IOperation key, IOperation value, string name)
    {
        Kind = kind;
        Site = site;
        Key = key;
        Value = value;
        Name = name;
    }

    public EnvironmentKind Kind { get; }

    /// <summary>The write: the <c>SetEnvironmentVariable</c> or <c>AddEnvironment</c> call, the <c>Add</c> call or indexer assignment.</summary>
    public IOperation Site { get; }

    public IOperation Key { get; }

    public IOperation Value { get; }

    /// <summary>What the rule's classifier called the entry (its key, for the message).</summary>
    public string Name { get; }
}

/// <summary>
/// Decides whether an entry (<paramref name="key"/> = <paramref name="value"/>) matters to a rule, and names it for the
/// message; null leaves it alone. Called once per write, before anything is kept.
/// </summary>
internal delegate string? EnvironmentEntryFilter(IOperation key, IOperation value, CancellationToken cancellationToken);

/// <summary>
/// The one reader of what code writes into an environment, shared by the rules about environment variables (LBP301:
/// secrets in them; LBP304: reserved keys): <c>Environment.SetEnvironmentVariable(name, value)</c> in the process, and in
/// any compilation that references <c>Amazon.CDK.AWS.Lambda</c> a function's environment:
/// <list type="bullet">
/// <item><c>Function.AddEnvironment(key, value)</c> (also on a subclass);</item>
/// <item><c>new FunctionProps { Environment = new Dictionary&lt;string, string&gt; { ["K"] = "V", { "K", "V" } } }</c>,
/// <c>Environment = { ["K"] = "V" }</c>, and <c>props.Environment["K"] = "V"</c>/<c>Add</c>;</item>
/// <item>a local dictionary written with <c>Add</c>, <c>TryAdd</c> or the indexer and assigned to <c>Environment</c> in the
/// same body (decided at the type's end), or handed to another method of the compilation that assigns its parameter to
/// <c>Environment</c>, or returned by a method whose result is (decided at compilation end, one call deep).</item>
/// </list>
/// One instance per rule and compilation: the rule's filter says which entries it keeps, so nothing else is stored.
/// </summary>
internal sealed class EnvironmentEntries
{
    private readonly LambdaSymbols _symbols;
    private readonly EnvironmentEntryFilter _filter;
    private readonly bool _process;
    private readonly bool _cdk;
    private readonly HandedEnvironments _handed = new();

    public EnvironmentEntries(LambdaSymbols symbols, EnvironmentEntryFilter filter, bool process, bool cdk)
    {
        _symbols = symbols;
        _filter = filter;
        _process = process;
        _cdk = cdk;
    }

    /// <summary>A write by a call: <c>SetEnvironmentVariable</c>, <c>AddEnvironment</c>, a dictionary's <c>Add</c>/<c>TryAdd</c>.</summary>
    public void OnInvocation<TContext>(IInvocationOperation invocation, TypeEntries state, TContext context, Action<TContext, EnvironmentEntry> found, CancellationToken cancellationToken)
    {
        var method = invocation.TargetMethod;
        switch (method?.Name)
        {
            case KnownTypes.SetEnvironmentVariable when _process && _symbols.IsEnvironmentMethod(method, KnownTypes.SetEnvironmentVariable):
                Check(EnvironmentKind.Process, invocation, invocation.ArgumentFor(0), invocation.ArgumentFor(1), context, found, cancellationToken);
                break;
            case KnownTypes.CdkAddEnvironment when _cdk && _symbols.IsCdkAddEnvironment(method):
                Check(EnvironmentKind.CdkFunction, invocation, invocation.ArgumentFor(0), invocation.ArgumentFor(1), context, found, cancellationToken);
                break;
            case "Add" or "TryAdd" when _cdk && IsDictionaryAdd(method) && invocation.Arguments.Length == 2:
                OnDictionaryWrite(invocation, state, invocation.Instance, invocation.ArgumentFor(0), invocation.ArgumentFor(1), context, found, cancellationToken);
                break;
        }
    }

    /// <summary>CDK: <c>Environment = env</c> (where a dictionary goes), and <c>dictionary["KEY"] = value</c>.</summary>
    public void OnAssignment<TContext>(ISimpleAssignmentOperation assignment, TypeEntries state, TContext context, Action<TContext, EnvironmentEntry> found, CancellationToken cancellationToken)
    {
        if (!_cdk || assignment.Target is not IPropertyReferenceOperation property || !(property.Property.IsIndexer || property.Property.Name == KnownTypes.CdkEnvironment))
        {
            return;
        }

        if (_symbols.IsCdkEnvironmentProperty(property.Property))
        {
            switch (assignment.Value.WalkDownConversion())
            {
                // `Environment = env`: the Add and indexer writes on the local `env` go to the function's environment.
                case ILocalReferenceOperation local:
                    state.AddEnvironmentLocal(local.Local);
                    break;

                // `Environment = environment` (a parameter), `Environment = BuildEnvironment()`: what callers hand in,
                // or what the method returns, goes there (decided at compilation end).
                case IParameterReferenceOperation parameter when !BodyFacts.Of(parameter).Writes(parameter.Parameter):
                    _handed.AddEnvironmentParameter(parameter.Parameter);
                    break;
                case IInvocationOperation { TargetMethod: { DeclaringSyntaxReferences.IsEmpty: false } source }:
                    _handed.AddEnvironmentSource(source);
                    break;
            }
        }
        else if (property.Property.IsIndexer && property.Arguments.Length == 1)
        {
            OnDictionaryWrite(assignment, state, property.Instance, property.Arguments[0].Value, assignment.Value, context, found, cancellationToken);
        }
    }

    /// <summary>
    /// At the type's end: the entries of local dictionaries the same body assigns to a function's environment; the others
    /// are kept for compilation end, where they may reach one through another method.
    /// </summary>
    public void OnTypeEnd<TContext>(TypeEntries state, TContext context, Action<TContext, EnvironmentEntry> found)
    {
        foreach (var (local, entry, resolved) in state.PendingEntries())
        {
            if (resolved)
            {
                found(context, entry);
            }
            else
            {
                _handed.AddUnresolved(local, entry);
            }
        }
    }

    /// <summary>The entries of dictionaries handed to (or returned by) another method that sets a function's environment.</summary>
    public IEnumerable<EnvironmentEntry> AtCompilationEnd() => _handed.Resolve();

    private void Check<TContext>(EnvironmentKind kind, IOperation site, IOperation? key, IOperation? value, TContext context, Action<TContext, EnvironmentEntry> found, CancellationToken cancellationToken)
    {
        if (key is not null && value is not null && _filter(key, value, cancellationToken) is { } name)
        {
            found(context, new EnvironmentEntry(kind, site, key, value, name));
        }
    }

    /// <summary>
    /// A write of <paramref name="key"/> = <paramref name="value"/> into the dictionary <paramref name="receiver"/>: an entry
    /// when the dictionary is a function's environment (directly, through an initializer, or a local assigned to it).
    /// </summary>
    private void OnDictionaryWrite<TContext>(IOperation site, TypeEntries state, IOperation? receiver, IOperation? key, IOperation? value, TContext context, Action<TContext, EnvironmentEntry> found, CancellationToken cancellationToken)
    {
        if (receiver is null || key is null || value is null || _filter(key, value, cancellationToken) is not { } name)
        {
            return;
        }

        var entry = new EnvironmentEntry(EnvironmentKind.CdkFunction, site, key, value, name);
        switch (DictionaryTarget(receiver))
        {
            case ILocalSymbol local:
                state.AddPendingEntry(local, entry);
                break;
            case IPropertySymbol:
                found(context, entry);
                break;
        }
    }

    /// <summary>
    /// Where a dictionary write lands: the CDK <c>Environment</c> property it is written through, the local that holds the
    /// dictionary (decided at type end), or null (anything else).
    /// </summary>
    private ISymbol? DictionaryTarget(IOperation receiver)
    {
        receiver = receiver.WalkDownConversion();
        if (receiver is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver })
        {
            // `new Dictionary<string, string> { { "K", "V" }, ["K"] = "V" }`: where does the new dictionary go?
            // `new FunctionProps { Environment = { ["K"] = "V" } }` fills the property's own dictionary.
            var owner = receiver.Parent;
            while (owner is not null and not IObjectCreationOperation and not IMemberInitializerOperation)
            {
                owner = owner.Parent;
            }

            return owner switch
            {
                IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation property } when _symbols.IsCdkEnvironmentProperty(property.Property) => property.Property,
                IObjectCreationOperation creation => CreationTarget(creation),
                _ => null,
            };
        }

        return receiver switch
        {
            IPropertyReferenceOperation property when _symbols.IsCdkEnvironmentProperty(property.Property) => property.Property,
            ILocalReferenceOperation local => local.Local,
            _ => null,
        };
    }

    private ISymbol? CreationTarget(IOperation creation)
    {
        var parent = creation.WalkUpConversion(out var child);
        switch (parent)
        {
            case IAssignmentOperation assignment when assignment.Value == child:
                return assignment.Target switch
                {
                    IPropertyReferenceOperation property when _symbols.IsCdkEnvironmentProperty(property.Property) => property.Property,
                    ILocalReferenceOperation local => local.Local,
                    _ => null,
                };
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                return declarator.Symbol;
            default:
                return null;
        }
    }

    private static bool IsDictionaryAdd(IMethodSymbol method) =>
        method.Name is "Add" or "TryAdd" && !method.IsStatic && method.Parameters.Length == 2
        && method.Parameters[0].Type.SpecialType == SpecialType.System_String;
}

/// <summary>
/// What the environment actions of one type record: the entries written into local dictionaries, and the locals assigned
/// to a function's environment. Most types record nothing (each list is created with its first entry). Actions of one
/// type can run concurrently, so every access takes the lock; the type-end action runs after all of them.
/// </summary>
internal sealed class TypeEntries
{
    private readonly object _gate = new();
    private List<(ILocalSymbol Local, EnvironmentEntry Entry)>? _pendingEntries;
    private HashSet<ILocalSymbol>? _environmentLocals;

    public void AddPendingEntry(ILocalSymbol local, EnvironmentEntry entry)
    {
        lock (_gate)
        {
            (_pendingEntries ??= new()).Add((local, entry));
        }
    }

    public void AddEnvironmentLocal(ILocalSymbol local)
    {
        lock (_gate)
        {
            (_environmentLocals ??= new(SymbolEqualityComparer.Default)).Add(local);
        }
    }

    /// <summary>The entries written into local dictionaries, each with whether its local is assigned to an environment in the type.</summary>
    public IEnumerable<(ILocalSymbol Local, EnvironmentEntry Entry, bool Resolved)> PendingEntries()
    {
        if (_pendingEntries is null)
        {
            yield break;
        }

        foreach (var (local, entry) in _pendingEntries)
        {
            yield return (local, entry, _environmentLocals?.Contains(local) == true);
        }
    }
}
