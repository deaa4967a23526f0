using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using LambdaBestPractices.Analyzers.Internals;
using LambdaBestPractices.Analyzers.Model;

namespace LambdaBestPractices.Analyzers.Rules;

/// <summary>
/// LBP301: a secret kept in a plain environment variable. Reports, in a Lambda project:
/// <list type="bullet">
/// <item><c>Environment.GetEnvironmentVariable(name)</c> with a constant secret-looking name (<see cref="SecretNames"/>) whose
/// value is used as plain text: not decrypted (it reaches no <c>DecryptRequest.CiphertextBlob</c> and no method named
/// <c>*Decrypt*</c>), not used as the name of a secret or parameter (<c>SecretId</c>, SSM <c>Name</c>, a <c>secretId</c>
/// argument), not parsed as a number, boolean or duration, not only compared with <c>null</c> or a constant;</item>
/// <item><c>Environment.SetEnvironmentVariable(name, value)</c> with a secret-looking name and a constant value;</item>
/// </list>
/// and, in any compilation that references <c>Amazon.CDK.AWS.Lambda</c>, a constant value under a secret-looking key in a
/// function's environment: <c>FunctionProps.Environment</c> (initializers, indexer and <c>Add</c> on the dictionary
/// assigned to it) and <c>Function.AddEnvironment(key, value)</c>; and in the project's deployment files (templates and
/// the tools' defaults), the forms <see cref="TemplateSecrets"/> lists.
/// <para>
/// Reads are decided per type (symbol start/end, so IDEs report them live, partial files included): where a value goes is
/// followed through locals, parameters of the type's own methods, fields and properties of the type, <c>??</c>, <c>?:</c>,
/// <c>Convert.FromBase64String</c> and <c>new MemoryStream(...)</c>, backwards from the few places that decrypt or parse.
/// That walk runs only for types that read a secret-looking variable, and types whose files never mention
/// <c>Environment</c> get no action at all, so the cost is linear in the code and near zero for most of it.
/// </para>
/// </summary>
public sealed class LBP301KeepSecretsOutOfEnvironmentRule : LambdaRule
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LBP301_KeepSecretsOutOfEnvironmentVariables, Descriptors.LBP301_KeepSecretsOutOfEnvironmentVariables_CrossType);

    /// <summary>Environment reads and writes in Lambda projects; the CDK forms wherever the CDK's Lambda construct is referenced.</summary>
    internal override bool AppliesTo(LambdaSymbols symbols) => ChecksEnvironment(symbols) || symbols.HasCdkLambda;

    internal override void Start(RuleStart context, LambdaCompilation compilation)
    {
        var symbols = compilation.Symbols;
        var rule = new Rule(symbols, compilation.Constants, compilation.Settings(context.Options.AnalyzerConfigOptionsProvider), ChecksEnvironment(symbols), symbols.HasCdkLambda);
        context.RegisterTypeStartAction(rule.OnTypeStart);
        if (symbols.IsLambdaProject)
        {
            var names = SecretNamesByFile.For(context.Options.AnalyzerConfigOptionsProvider.GlobalOptions);
            context.RegisterDeploymentFileAction(compilation, (c, deployment, file) => TemplateSecrets.Check(c, deployment, file, names));
        }

        if (symbols.HasCdkLambda)
        {
            context.RegisterCompilationEndAction(rule.OnCompilationEnd);
        }
    }

    private static bool ChecksEnvironment(LambdaSymbols symbols) => symbols.IsLambdaProject && !symbols.Environment.IsEmpty;

    private sealed class Rule
    {
        private static readonly WordSet MentionedWords = WordSet.Of("Environment");

        // With the CDK, an environment dictionary may be built in a type that never says "Environment" and handed on.
        private static readonly WordSet CdkMentionedWords = WordSet.Of("Environment", "Dictionary");
        private static readonly string[] SecretsManagerModel = { "Amazon", "SecretsManager", "Model" };
        private static readonly string[] SsmModel = { "Amazon", "SimpleSystemsManagement", "Model" };

        private readonly LambdaSymbols _symbols;
        private readonly ConstantStrings _constants;
        private readonly CodeSettings _settings;
        private readonly SecretNamesByFile _names;
        private readonly bool _checkEnvironment;
        private readonly bool _checkCdk;
        private readonly EnvironmentEntries _entries;

        public Rule(LambdaSymbols symbols, ConstantStrings constants, CodeSettings settings, bool checkEnvironment, bool checkCdk)
        {
            _symbols = symbols;
            _constants = constants;
            _settings = settings;
            _names = new SecretNamesByFile(settings);
            _checkEnvironment = checkEnvironment;
            _checkCdk = checkCdk;
            _entries = new EnvironmentEntries(symbols, SecretEntryName, process: checkEnvironment, cdk: checkCdk);
        }

        /// <summary>
        /// Per type whose files mention <c>Environment</c>: one invocation action (a name test first, so most calls cost a
        /// string comparison), an assignment action for the CDK forms, and the member bodies kept for the type-end decision.
        /// Where values flow is only worked out at type end, and only for the few types that read a secret-looking variable.
        /// </summary>
        public void OnTypeStart(TypeStart context)
        {
            var type = context.Type;

            // Every form names `...Environment...` in the code (GetEnvironmentVariable, SetEnvironmentVariable, the CDK's
            // Environment and AddEnvironment): types whose files never say it, or are test code, get no action at all.
            if (!_settings.AnyNonTestFileMentions(type, _checkCdk ? CdkMentionedWords : MentionedWords, context.CancellationToken))
            {
                return;
            }

            var state = new TypeState();

            context.RegisterOperationAction(c => OnInvocation(c, type, state), OperationKind.Invocation);
            if (_checkCdk)
            {
                context.RegisterOperationAction(c => OnCdkAssignment(c, type, state), OperationKind.SimpleAssignment);
            }

            if (_checkEnvironment)
            {
                context.RegisterOperationBlockAction(c => state.AddBlocks(c.OperationBlocks));
            }

            context.RegisterSymbolEndAction(c => Report(c, type, state));
        }

        private void OnInvocation(OperationAnalysisContext context, INamedTypeSymbol type, TypeState state)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            switch (method?.Name)
            {
                case KnownTypes.GetEnvironmentVariable when _checkEnvironment && _symbols.IsEnvironmentMethod(method, KnownTypes.GetEnvironmentVariable):
                    OnEnvironmentRead(context, invocation, state);
                    break;
                case KnownTypes.SetEnvironmentVariable or KnownTypes.CdkAddEnvironment or "Add" or "TryAdd":
                    _entries.OnInvocation(invocation, state.Entries, context, ReportEntry, context.CancellationToken);
                    break;
            }
        }

        /// <summary>CDK: <c>Environment = env</c>, and <c>dictionary["KEY"] = value</c>.</summary>
        private void OnCdkAssignment(OperationAnalysisContext context, INamedTypeSymbol type, TypeState state) =>
            _entries.OnAssignment((ISimpleAssignmentOperation)context.Operation, state.Entries, context, ReportEntry, context.CancellationToken);

        /// <summary>A secret entry: the name is a constant that looks like a secret, the value a non-empty constant.</summary>
        private string? SecretEntryName(IOperation key, IOperation value, System.Threading.CancellationToken cancellationToken) =>
            _constants.TryGet(key, out var name, cancellationToken)
            && _constants.IsNonEmpty(value, cancellationToken)
            && _names.IsSecretIn(value.Syntax.SyntaxTree, name)
                ? name
                : null;

        /// <summary>The process's <c>SetEnvironmentVariable</c> call is reported whole; a CDK entry at its value.</summary>
        private static Location EntryLocation(EnvironmentEntry entry) =>
            (entry.Kind == EnvironmentKind.Process ? entry.Site : entry.Value).Syntax.GetLocation();

        private static readonly Action<OperationAnalysisContext, EnvironmentEntry> ReportEntry = static (context, entry) =>
            context.ReportOutsideGeneratedCode(Diagnostic.Create(Descriptors.LBP301_KeepSecretsOutOfEnvironmentVariables, EntryLocation(entry), entry.Name));

        private static readonly Action<SymbolAnalysisContext, EnvironmentEntry> ReportPendingEntry = static (context, entry) =>
            context.ReportOutsideGeneratedCode(Diagnostic.Create(Descriptors.LBP301_KeepSecretsOutOfEnvironmentVariables, EntryLocation(entry), entry.Name));

        private void OnEnvironmentRead(OperationAnalysisContext context, IInvocationOperation read, TypeState state)
        {
            if (!_constants.TryGet(read.ArgumentFor(0), out var name, context.CancellationToken))
            {
                return;
            }

            var tree = read.Syntax.SyntaxTree;
            var kind = _names.ClassifyIn(tree, name);
            if (kind == NameKind.Secret)
            {
                if (!IsOnlyTested(read))
                {
                    state.AddCandidate(read, name);
                }

                return;
            }

            // A name that says nothing (even an empty placeholder), stored where the code itself says the value is a secret:
            // a local, field, property or parameter named like one (`password`, `apiKey`, `connectionString`).
            if (kind == NameKind.SaysNothing && SecretNamedDestination(read) is { } destination && _names.EndsWithSecretIn(tree, destination))
            {
                // The message reads "Environment variable 'NAME' read into 'password' holds a secret ...": names only.
                state.AddCandidate(read, name + "' read into '" + destination);
            }
        }

        /// <summary>
        /// The name of what the read's value is stored in or passed as, through conversions and a <c>??</c> fallback: the
        /// local, field or property it initializes or is assigned to, or the parameter it is an argument for
        /// (<c>new SqlConnection(read)</c>: <c>connectionString</c>); null for anything else.
        /// </summary>
        private static string? SecretNamedDestination(IInvocationOperation read)
        {
            IOperation value = read;
            var parent = value.WalkUpConversion(out var child);
            if (parent is ICoalesceOperation coalesce && coalesce.Value == child)
            {
                value = coalesce;
                parent = value.WalkUpConversion(out child);
            }

            return parent switch
            {
                IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol.Name,
                ISimpleAssignmentOperation assignment when assignment.Value == child => DefinedSymbol(assignment.Target)?.Name,
                IFieldInitializerOperation { InitializedFields.Length: 1 } fieldInitializer => fieldInitializer.InitializedFields[0].Name,
                IPropertyInitializerOperation { InitializedProperties.Length: 1 } propertyInitializer => propertyInitializer.InitializedProperties[0].Name,
                IArgumentOperation { Parameter: { } parameter } => parameter.Name,
                _ => null,
            };
        }

        private void Report(SymbolAnalysisContext context, INamedTypeSymbol type, TypeState state)
        {
            _entries.OnTypeEnd(state.Entries, context, ReportPendingEntry);

            if (state.Candidates is not { } candidates)
            {
                return;
            }

            var facts = new FlowFacts();
            var seen = new HashSet<IOperation>();
            foreach (var block in state.Blocks)
            {
                if (!seen.Add(block.Root()))
                {
                    continue;
                }

                // Every kind Collect reads (calls, assignments, declarators, initializers) is one the body's facts keep.
                foreach (var operation in BodyFacts.Of(block).KeptOperations)
                {
                    context.CancellationToken.ThrowIfCancellationRequested();
                    Collect(operation, type, facts);
                }
            }

            var consumed = facts.ConsumedReads(_symbols, context.CancellationToken);
            foreach (var (read, name) in candidates)
            {
                if (!consumed.Contains(read.Syntax))
                {
                    context.ReportOutsideGeneratedCode(Diagnostic.Create(Descriptors.LBP301_KeepSecretsOutOfEnvironmentVariables, read.Syntax.GetLocation(), name));
                }
            }
        }

        /// <summary>
        /// The facts of one operation for the decrypt/parse analysis: where values flow (definitions of locals, parameters of
        /// the type's own methods, fields, properties) and where they are consumed (decrypts, parses, <c>CiphertextBlob</c>).
        /// </summary>
        private void Collect(IOperation operation, INamedTypeSymbol type, FlowFacts facts)
        {
            switch (operation)
            {
                case IInvocationOperation { TargetMethod: { } method } invocation:
                    if (IsDecrypt(method) || IsParse(method))
                    {
                        // Every input of the call: its arguments and, for an instance call, the receiver.
                        if (invocation.Instance is { } instance)
                        {
                            facts.AddSink(instance);
                        }

                        foreach (var argument in invocation.Arguments)
                        {
                            facts.AddSink(argument.Value);
                        }
                    }
                    else
                    {
                        var ownMethod = SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, type);
                        foreach (var argument in invocation.Arguments)
                        {
                            if (argument.Parameter is not { } parameter)
                            {
                                continue;
                            }

                            if (IsSecretIdParameter(parameter))
                            {
                                // SecretsManagerCache.GetSecretString(secretId): the value names a secret.
                                facts.AddSink(argument.Value);
                            }
                            else if (ownMethod && IsTracked(parameter.Type))
                            {
                                // Arguments passed to the type's own methods flow into their parameters.
                                facts.AddDefinition(parameter.OriginalDefinition, argument.Value);
                            }
                        }
                    }

                    break;
                case IAssignmentOperation { Target: IPropertyReferenceOperation pointer } assignment when IsSecretPointerProperty(pointer.Property):
                    // GetSecretValueRequest.SecretId, GetParameterRequest.Name: the value names a secret, it is not one.
                    facts.AddSink(assignment.Value);
                    break;
                case IAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: KnownTypes.CiphertextBlob } blob } assignment
                    when LambdaSymbols.Contains(_symbols.DecryptRequestTypes, blob.Property.ContainingType):
                    facts.AddSink(assignment.Value);
                    break;
                case IAssignmentOperation assignment when assignment is ISimpleAssignmentOperation or ICoalesceAssignmentOperation:
                    if (DefinedSymbol(assignment.Target) is { } symbol)
                    {
                        facts.AddDefinition(symbol, assignment.Value);
                    }

                    break;
                case IVariableDeclaratorOperation declarator when IsTracked(declarator.Symbol.Type):
                    if (declarator.GetVariableInitializer()?.Value is { } value)
                    {
                        facts.AddDefinition(declarator.Symbol, value);
                    }

                    break;
                case IFieldInitializerOperation field:
                    foreach (var initialized in field.InitializedFields)
                    {
                        if (IsTracked(initialized.Type))
                        {
                            facts.AddDefinition(initialized.OriginalDefinition, field.Value);
                        }
                    }

                    break;
                case IPropertyInitializerOperation property:
                    foreach (var initialized in property.InitializedProperties)
                    {
                        if (IsTracked(initialized.Type))
                        {
                            facts.AddDefinition(initialized.OriginalDefinition, property.Value);
                        }
                    }

                    break;
            }
        }

        /// <summary>The secret entries of dictionaries handed to another method that sets a function's environment.</summary>
        public void OnCompilationEnd(CompilationAnalysisContext context)
        {
            foreach (var entry in _entries.AtCompilationEnd())
            {
                context.ReportOutsideGeneratedCode(Diagnostic.Create(Descriptors.LBP301_KeepSecretsOutOfEnvironmentVariables_CrossType, EntryLocation(entry), entry.Name));
            }
        }

        private bool IsParse(IMethodSymbol method)
        {
            var containing = method.ContainingType;
            if (containing is null)
            {
                return false;
            }

            if (method.Name is "Parse" or "TryParse" or "ParseExact" or "TryParseExact")
            {
                return IsNumberOrBoolean(containing.SpecialType) || containing.SpecialType == SpecialType.System_DateTime || LambdaSymbols.Contains(_symbols.TimeSpan, containing);
            }

            // Convert.ToInt32(value), Convert.ToBoolean(value), ...
            return method.Name.StartsWith("To", StringComparison.Ordinal)
                && LambdaSymbols.Contains(_symbols.Convert, containing)
                && IsNumberOrBoolean(method.ReturnType.SpecialType);
        }

        private static bool IsNumberOrBoolean(SpecialType type) => type is SpecialType.System_Boolean
            or SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_Int16 or SpecialType.System_UInt16
            or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64
            or SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal;

        /// <summary>
        /// A request property that names a secret in a store: <c>SecretId</c> of a Secrets Manager request, <c>Name</c> of a
        /// Systems Manager (Parameter Store) request. A variable whose value goes there holds a pointer, whatever its name.
        /// </summary>
        private static bool IsSecretPointerProperty(IPropertySymbol property) => property.Name switch
        {
            "SecretId" => property.ContainingType.ContainingNamespace.IsNamespace(SecretsManagerModel),
            "Name" => property.ContainingType.ContainingNamespace.IsNamespace(SsmModel),
            _ => false,
        };

        /// <summary>A <c>secretId</c> parameter (Secrets Manager's caching client, and helpers that say so).</summary>
        private static bool IsSecretIdParameter(IParameterSymbol parameter) =>
            parameter.Type.SpecialType == SpecialType.System_String && string.Equals(parameter.Name, "secretId", StringComparison.OrdinalIgnoreCase);

        /// <summary>KMS <c>Decrypt</c>/<c>DecryptAsync</c>, or a helper whose name says it decrypts.</summary>
        private static bool IsDecrypt(IMethodSymbol method) => method.Name.IndexOf("Decrypt", StringComparison.OrdinalIgnoreCase) >= 0;

        /// <summary>
        /// A read whose value is only tested, never used: <c>IsNullOrEmpty(read)</c>, <c>read == null</c>, <c>read == "true"</c>,
        /// <c>read is null</c>, a discarded call, or passed to code that does not bind.
        /// </summary>
        private static bool IsOnlyTested(IInvocationOperation read)
        {
            var parent = read.WalkUpConversion(out var child);
            switch (parent)
            {
                case IExpressionStatementOperation:
                case IIsPatternOperation:
                // Broken code (`Unknown.Decrypt(read)`): what the value is used for is not known yet.
                case IInvalidOperation:
                    return true;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary:
                    var other = binary.LeftOperand == child ? binary.RightOperand : binary.LeftOperand;
                    return other.WalkDownConversion().ConstantValue.HasValue;
                case IArgumentOperation { Parent: IInvocationOperation { TargetMethod: { ContainingType.SpecialType: SpecialType.System_String } method } call }:
                    if (method.Name is "IsNullOrEmpty" or "IsNullOrWhiteSpace")
                    {
                        return true;
                    }

                    if (method.Name == "Equals" && method.IsStatic)
                    {
                        foreach (var argument in call.Arguments)
                        {
                            if (argument != parent && argument.Value.Type?.SpecialType == SpecialType.System_String && argument.Value.WalkDownConversion().ConstantValue.HasValue)
                            {
                                return true;
                            }
                        }
                    }

                    return false;
                default:
                    return false;
            }
        }

        private static ISymbol? DefinedSymbol(IOperation target) => target switch
        {
            ILocalReferenceOperation local when IsTracked(local.Local.Type) => local.Local,
            IFieldReferenceOperation field when IsTracked(field.Field.Type) => field.Field.OriginalDefinition,
            IPropertyReferenceOperation { Property.IsIndexer: false } property when IsTracked(property.Property.Type) => property.Property.OriginalDefinition,
            IParameterReferenceOperation parameter when IsTracked(parameter.Parameter.Type) => parameter.Parameter.OriginalDefinition,
            _ => null,
        };

        /// <summary>The types a secret's value passes through on its way to a decrypt: strings, bytes, streams (and <c>var</c>/object).</summary>
        private static bool IsTracked(ITypeSymbol? type) => type is null
            || type.SpecialType is SpecialType.System_String or SpecialType.System_Object
            || type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte }
            || type.TypeKind == TypeKind.Error
            || type.Name is "MemoryStream" or "Stream";
    }

    /// <summary>
    /// What the actions of one type record. Most types record nothing but their member bodies: every other collection is
    /// created with its first entry. Actions of one type can run concurrently, so every access takes the lock; the
    /// type-end action runs after all of them.
    /// </summary>
    private sealed class TypeState
    {
        private readonly object _gate = new();
        private readonly List<IOperation> _blocks = new();
        private List<(IInvocationOperation Read, string Name)>? _candidates;

        /// <summary>The CDK dictionaries the type writes (<see cref="EnvironmentEntries"/>).</summary>
        public TypeEntries Entries { get; } = new();

        /// <summary>The secret-looking reads of the type, or null when there is none (the common case).</summary>
        public List<(IInvocationOperation Read, string Name)>? Candidates => _candidates;

        public List<IOperation> Blocks => _blocks;

        public void AddBlocks(ImmutableArray<IOperation> blocks)
        {
            lock (_gate)
            {
                _blocks.AddRange(blocks);
            }
        }

        public void AddCandidate(IInvocationOperation read, string name)
        {
            lock (_gate)
            {
                (_candidates ??= new()).Add((read, name));
            }
        }
    }

    /// <summary>Where values flow in one type, collected at type end for the types that read a secret-looking variable.</summary>
    private sealed class FlowFacts
    {
        private const int MaxWalkSteps = 10_000;

        private readonly List<IOperation> _sinks = new();
        private readonly Dictionary<ISymbol, List<IOperation>> _definitions = new(SymbolEqualityComparer.Default);

        public void AddSink(IOperation value) => _sinks.Add(value);

        public void AddDefinition(ISymbol symbol, IOperation value)
        {
            // Only values the walk can follow back to an environment read: not constants, concatenations, interpolations.
            if (!CanCarryARead(value))
            {
                return;
            }

            if (!_definitions.TryGetValue(symbol, out var values))
            {
                _definitions[symbol] = values = new List<IOperation>();
            }

            values.Add(value);
        }

        private static bool CanCarryARead(IOperation value) => value.WalkDownConversion() switch
        {
            { ConstantValue.HasValue: true } => false,
            IInvocationOperation or IObjectCreationOperation or ICoalesceOperation or IConditionalOperation or IAssignmentOperation => true,
            ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation => true,
            _ => false,
        };

        /// <summary>
        /// The environment reads whose value reaches a decrypt or a parse: walks backwards from each of those inputs through
        /// conversions, <c>??</c>, <c>?:</c>, <c>Convert.FromBase64String</c>, <c>new MemoryStream(...)</c>, <c>Trim()</c> and the
        /// recorded definitions of locals, parameters, fields and properties. Each symbol is expanded once.
        /// </summary>
        public HashSet<SyntaxNode> ConsumedReads(LambdaSymbols symbols, System.Threading.CancellationToken cancellationToken)
        {
            var reached = new HashSet<SyntaxNode>();
            var expanded = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            var stack = new Stack<IOperation>(_sinks);
            var steps = 0;
            while (stack.Count > 0 && steps++ < MaxWalkSteps)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var operation = stack.Pop().WalkDownConversion();
                switch (operation)
                {
                    case IInvocationOperation invocation when symbols.IsEnvironmentMethod(invocation.TargetMethod, KnownTypes.GetEnvironmentVariable):
                        reached.Add(invocation.Syntax);
                        break;
                    case IInvocationOperation { TargetMethod.Name: KnownTypes.FromBase64String } invocation when invocation.Arguments.Length == 1:
                        stack.Push(invocation.Arguments[0].Value);
                        break;
                    case IInvocationOperation { TargetMethod: { Name: "Trim" or "TrimEnd" or "TrimStart", ContainingType.SpecialType: SpecialType.System_String } } invocation when invocation.Instance is not null:
                        stack.Push(invocation.Instance);
                        break;
                    case IObjectCreationOperation creation when LambdaSymbols.Contains(symbols.MemoryStream, creation.Type):
                        foreach (var argument in creation.Arguments)
                        {
                            stack.Push(argument.Value);
                        }

                        break;
                    case ICoalesceOperation coalesce:
                        stack.Push(coalesce.Value);
                        stack.Push(coalesce.WhenNull);
                        break;
                    case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                        stack.Push(conditional.WhenTrue);
                        stack.Push(whenFalse);
                        break;
                    case IAssignmentOperation assignment:
                        stack.Push(assignment.Value);
                        break;
                    case ILocalReferenceOperation local:
                        Expand(local.Local);
                        break;
                    case IParameterReferenceOperation parameter:
                        Expand(parameter.Parameter.OriginalDefinition);
                        break;
                    case IFieldReferenceOperation field:
                        Expand(field.Field.OriginalDefinition);
                        break;
                    case IPropertyReferenceOperation { Property.IsIndexer: false } property:
                        Expand(property.Property.OriginalDefinition);
                        break;
                }
            }

            return reached;

            void Expand(ISymbol symbol)
            {
                if (expanded.Add(symbol) && _definitions.TryGetValue(symbol, out var values))
                {
                    foreach (var value in values)
                    {
                        stack.Push(value);
                    }
                }
            }
        }
    }
}
