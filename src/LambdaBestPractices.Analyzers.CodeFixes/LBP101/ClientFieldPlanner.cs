using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using LambdaBestPractices.Analyzers.CodeFixes.Internals;

namespace LambdaBestPractices.Analyzers.CodeFixes;

public enum ClientFieldKind
{
    /// <summary>A static readonly field with the creation as its initializer.</summary>
    Static,

    /// <summary>A readonly instance field assigned at the end of every constructor (the arguments use instance state).</summary>
    Constructor,

    /// <summary>
    /// Top-level statements: the local moves out of the handler lambda to the statements before it, which run once,
    /// before <c>RunAsync()</c>.
    /// </summary>
    BeforeHandler,

    /// <summary>
    /// A factory delegate that builds a client from its argument (<c>endpoint =&gt; new AmazonS3Client(... endpoint ...)</c>):
    /// the creation moves into the value factory of a static <c>ConcurrentDictionary</c> keyed by that argument.
    /// </summary>
    PerKeyStatic,

    /// <summary>The same, in a readonly instance field, when the creation also reads instance state.</summary>
    PerKeyInstance,
}

/// <summary>What the LBP101 fix will do to one creation; computed from the semantic model before any edit.</summary>
public sealed class ClientFieldPlan
{
    internal ClientFieldPlan(
        ClientFieldKind kind,
        BaseObjectCreationExpressionSyntax creation,
        TypeDeclarationSyntax? typeDeclaration,
        TypeSyntax fieldType,
        string fieldName,
        SyntaxNode? removedDeclaration,
        ImmutableArray<IdentifierNameSyntax> references,
        ImmutableArray<ConstructorDeclarationSyntax> constructors,
        bool reusesExistingField,
        GlobalStatementSyntax? handlerStatement = null,
        ExpressionSyntax? replacement = null)
    {
        Replacement = replacement;
        ReusesExistingField = reusesExistingField;
        HandlerStatement = handlerStatement;
        Kind = kind;
        Creation = creation;
        TypeDeclaration = typeDeclaration;
        FieldType = fieldType;
        FieldName = fieldName;
        RemovedDeclaration = removedDeclaration;
        References = references;
        Constructors = constructors;
    }

    public ClientFieldKind Kind { get; }

    public BaseObjectCreationExpressionSyntax Creation { get; }

    /// <summary>The type that gets the field; null for <see cref="ClientFieldKind.BeforeHandler"/>.</summary>
    public TypeDeclarationSyntax? TypeDeclaration { get; }

    /// <summary>For <see cref="ClientFieldKind.BeforeHandler"/>: the top-level statement the local moves in front of.</summary>
    public GlobalStatementSyntax? HandlerStatement { get; }

    public TypeSyntax FieldType { get; }

    public string FieldName { get; }

    /// <summary>The local declaration statement or <c>using</c> statement the field replaces; null when only the expression is replaced.</summary>
    public SyntaxNode? RemovedDeclaration { get; }

    /// <summary>The uses of the local that become uses of the field.</summary>
    public ImmutableArray<IdentifierNameSyntax> References { get; }

    /// <summary>
    /// True when the type already has a static readonly field with the same type and the same creation
    /// (a client an earlier fix, or the user, already shares): the local becomes a use of that field and no field is added.
    /// </summary>
    public bool ReusesExistingField { get; }

    /// <summary>Constructor variant: the constructors that get the assignment (empty: a constructor is added).</summary>
    public ImmutableArray<ConstructorDeclarationSyntax> Constructors { get; }

    /// <summary>Per-key variants: what the creation becomes (<c>S3ClientsByEndpoint.GetOrAdd(endpoint, key =&gt; new ...)</c>).</summary>
    public ExpressionSyntax? Replacement { get; }
}

internal static class ClientFieldPlanner
{
    /// <summary>The plan for <paramref name="creation"/>, or null when no honest fix exists.</summary>
    public static ClientFieldPlan? Plan(SemanticModel model, BaseObjectCreationExpressionSyntax creation, CancellationToken cancellationToken)
    {
        if (model.GetOperation(creation, cancellationToken) is not IObjectCreationOperation operation
            || operation.Type is not INamedTypeSymbol clientType
            || clientType.TypeKind == TypeKind.Error)
        {
            return null;
        }

        // A #pragma (or #if) in the member may be what makes the creation compile cleanly (`#pragma warning disable CS0618`
        // around an obsolete constructor); moved out of its reach, it would warn, or fail a build with warnings as errors.
        if (creation.FirstAncestorOrSelf<MemberDeclarationSyntax>() is { ContainsDirectives: true })
        {
            return null;
        }

        if (creation.FirstAncestorOrSelf<TypeDeclarationSyntax>() is null && creation.FirstAncestorOrSelf<GlobalStatementSyntax>() is { } globalStatement)
        {
            return PlanBeforeHandler(model, creation, operation, globalStatement, cancellationToken);
        }

        if (creation.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } typeDeclaration
            || typeDeclaration is InterfaceDeclarationSyntax
            || model.GetDeclaredSymbol(typeDeclaration, cancellationToken) is not { } containingType)
        {
            return null;
        }

        var dependency = StateReads.Of(operation, creation, isAvailableBefore: null);
        if (dependency == StateRead.LocalState)
        {
            return PlanPerKey(model, creation, operation, clientType, typeDeclaration, cancellationToken);
        }

        var kind = dependency == StateRead.InstanceState ? ClientFieldKind.Constructor : ClientFieldKind.Static;
        var constructors = ImmutableArray<ConstructorDeclarationSyntax>.Empty;
        if (kind == ClientFieldKind.Constructor && !TryGetConstructors(typeDeclaration, containingType, out constructors))
        {
            return null;
        }

        if (!TryGetDeclarationContext(creation, out var declarator, out var removed))
        {
            return null;
        }

        ILocalSymbol? local = null;
        var references = ImmutableArray<IdentifierNameSyntax>.Empty;
        TypeSyntax fieldType;
        if (declarator is not null && removed is not null)
        {
            local = model.GetDeclaredSymbol(declarator, cancellationToken) as ILocalSymbol;
            var scope = removed is UsingStatementSyntax usingStatement ? usingStatement.Statement : removed.Parent;
            if (local is null || scope is null || !TryFindReferences(model, scope, local, out references, cancellationToken))
            {
                return null;
            }

            var declaredType = ((VariableDeclarationSyntax)declarator.Parent!).Type;
            fieldType = declaredType.IsVar ? TypeName(model, clientType, typeDeclaration) : declaredType.WithoutTrivia();
        }
        else
        {
            fieldType = TypeName(model, clientType, typeDeclaration);
        }

        if (kind == ClientFieldKind.Static && FindSharedField(typeDeclaration, fieldType, creation) is { } shared)
        {
            return new ClientFieldPlan(kind, creation, typeDeclaration, fieldType, shared, removed, references, constructors, reusesExistingField: true);
        }

        var baseName = local is not null ? local.Name : StripAmazonPrefix(clientType.Name);
        var fieldName = UniqueName(model, creation, typeDeclaration, local, kind == ClientFieldKind.Static ? Pascal(baseName) : "_" + Camel(baseName));
        return new ClientFieldPlan(kind, creation, typeDeclaration, fieldType, fieldName, removed, references, constructors, reusesExistingField: false);
    }

    private static string? FindSharedField(TypeDeclarationSyntax typeDeclaration, TypeSyntax fieldType, BaseObjectCreationExpressionSyntax creation)
    {
        foreach (var field in typeDeclaration.Members.OfType<FieldDeclarationSyntax>())
        {
            if (field.Modifiers.Any(SyntaxKind.StaticKeyword)
                && field.Modifiers.Any(SyntaxKind.ReadOnlyKeyword)
                && field.Declaration.Variables.Count == 1
                && field.Declaration.Variables[0].Initializer?.Value is { } value
                && value.IsEquivalentTo(creation, topLevel: false)
                && field.Declaration.Type.IsEquivalentTo(fieldType, topLevel: false))
            {
                return field.Declaration.Variables[0].Identifier.ValueText;
            }
        }

        return null;
    }


    /// <summary>
    /// Top-level programs: a handler lambda's local moves in front of the statement that declares the handler, keeping its
    /// name. Offered when the arguments use only top-level locals declared before that statement.
    /// </summary>
    private static ClientFieldPlan? PlanBeforeHandler(SemanticModel model, BaseObjectCreationExpressionSyntax creation, IObjectCreationOperation operation, GlobalStatementSyntax handlerStatement, CancellationToken cancellationToken)
    {
        if (creation.FirstAncestorOrSelf<AnonymousFunctionExpressionSyntax>() is null && creation.FirstAncestorOrSelf<LocalFunctionStatementSyntax>() is null)
        {
            return null;
        }

        bool DeclaredBefore(ISymbol symbol) =>
            symbol is ILocalSymbol
            && symbol.DeclaringSyntaxReferences.All(r => r.GetSyntax(cancellationToken).FirstAncestorOrSelf<GlobalStatementSyntax>() is { } declaring
                && declaring.Span.End <= handlerStatement.SpanStart);

        if (StateReads.Of(operation, creation, DeclaredBefore) != StateRead.None
            || !TryGetDeclarationContext(creation, out var declarator, out var removed)
            || declarator is null
            || removed is null
            || model.GetDeclaredSymbol(declarator, cancellationToken) is not ILocalSymbol local
            || !model.LookupSymbols(handlerStatement.SpanStart, name: local.Name).IsEmpty
            || handlerStatement.Parent is not CompilationUnitSyntax compilationUnit
            || compilationUnit.Members.OfType<GlobalStatementSyntax>().Any(g => g != handlerStatement && DeclaresName(g, local.Name)))
        {
            return null;
        }

        var declaredType = ((VariableDeclarationSyntax)declarator.Parent!).Type.WithoutTrivia();
        return new ClientFieldPlan(ClientFieldKind.BeforeHandler, creation, null, declaredType, local.Name, removed, ImmutableArray<IdentifierNameSyntax>.Empty, ImmutableArray<ConstructorDeclarationSyntax>.Empty, reusesExistingField: false, handlerStatement);
    }

    /// <summary>
    /// A factory delegate whose whole body builds the client from its one argument (<c>endpoint =&gt; new
    /// AmazonS3Client(new AmazonS3Config { ServiceURL = endpoint })</c>, or a block that only returns it): one client per
    /// argument value, kept in a <c>ConcurrentDictionary</c> keyed by it. Offered for keys with value equality (strings,
    /// enums, primitives, <c>RegionEndpoint</c>), when the creation uses nothing else of the function.
    /// </summary>
    private static ClientFieldPlan? PlanPerKey(SemanticModel model, BaseObjectCreationExpressionSyntax creation, IObjectCreationOperation operation, INamedTypeSymbol clientType, TypeDeclarationSyntax typeDeclaration, CancellationToken cancellationToken)
    {
        var body = WalkUpParentheses(creation);
        var lambda = body.Parent switch
        {
            LambdaExpressionSyntax expressionLambda when expressionLambda.ExpressionBody == body => expressionLambda,
            ReturnStatementSyntax { Parent: BlockSyntax { Statements.Count: 1, Parent: LambdaExpressionSyntax blockLambda } } => blockLambda,
            _ => null,
        };
        if (lambda is null || lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword)
            || model.GetSymbolInfo(lambda, cancellationToken).Symbol is not IMethodSymbol { Parameters.Length: 1, ReturnsVoid: false } function
            || function.ReturnType.TypeKind == TypeKind.Error
            || !HasValueEquality(function.Parameters[0].Type)
            || function.Parameters[0].NullableAnnotation == NullableAnnotation.Annotated
            || model.Compilation.GetTypeByMetadataName("System.Collections.Concurrent.ConcurrentDictionary`2") is not { } dictionary)
        {
            return null;
        }

        var key = function.Parameters[0];
        var dependency = StateReads.Of(operation, creation, symbol => SymbolEqualityComparer.Default.Equals(symbol, key));
        if (dependency == StateRead.LocalState)
        {
            return null;
        }

        // The factory's parameter gets a name of its own: `endpoint => Cache.GetOrAdd(endpoint, key => new X(key))`.
        var uses = creation.DescendantNodes().OfType<IdentifierNameSyntax>()
            .Where(identifier => SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, key))
            .ToList();
        var taken = new HashSet<string>(creation.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText), StringComparer.Ordinal);
        var innerName = InnerKeyNames.Concat(Enumerable.Range(2, 100).Select(i => "key" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .First(name => !taken.Contains(name) && model.LookupSymbols(creation.SpanStart, name: name).IsEmpty);
        var factory = creation.ReplaceNodes(uses, (original, _) => SyntaxFactory.IdentifierName(innerName).WithTriviaFrom(original));

        var kind = dependency == StateRead.InstanceState ? ClientFieldKind.PerKeyInstance : ClientFieldKind.PerKeyStatic;
        var fieldType = TypeName(model, dictionary.Construct(key.Type, function.ReturnType), typeDeclaration);
        var baseName = StripAmazonPrefix(clientType.Name) + "sBy" + Pascal(key.Name);
        var fieldName = UniqueName(model, creation, typeDeclaration, null, kind == ClientFieldKind.PerKeyStatic ? Pascal(baseName) : "_" + Camel(baseName));
        var replacement = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName(fieldName), SyntaxFactory.IdentifierName("GetOrAdd")),
            SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[]
            {
                SyntaxFactory.Argument(SyntaxFactory.IdentifierName(key.Name)),
                SyntaxFactory.Argument(SyntaxFactory.SimpleLambdaExpression(SyntaxFactory.Parameter(SyntaxFactory.Identifier(innerName)), factory.WithoutLeadingTrivia().WithoutTrailingTrivia())),
            })));
        return new ClientFieldPlan(kind, creation, typeDeclaration, fieldType, fieldName, null, ImmutableArray<IdentifierNameSyntax>.Empty, ImmutableArray<ConstructorDeclarationSyntax>.Empty, reusesExistingField: false, replacement: replacement);
    }

    private static readonly string[] InnerKeyNames = { "key", "k" };

    /// <summary>Keys a dictionary can cache by: strings, enums, primitives and <c>RegionEndpoint</c> (one instance per region).</summary>
    private static bool HasValueEquality(ITypeSymbol type) =>
        type.SpecialType is >= SpecialType.System_Boolean and <= SpecialType.System_String
        || type.TypeKind == TypeKind.Enum
        || type is INamedTypeSymbol { Name: "RegionEndpoint", ContainingNamespace: { Name: "Amazon", ContainingNamespace.IsGlobalNamespace: true } };

    private static bool DeclaresName(GlobalStatementSyntax statement, string name) =>
        statement.Statement is LocalDeclarationStatementSyntax declaration && declaration.Declaration.Variables.Any(v => v.Identifier.ValueText == name)
        || statement.Statement is LocalFunctionStatementSyntax function && function.Identifier.ValueText == name;

    /// <summary>
    /// The local declaration the creation initializes, when the fix can replace the local by the field: a single declarator
    /// (optionally a <c>using</c> declaration or statement). Otherwise only the expression is replaced, unless a <c>using</c>
    /// would then dispose the shared client.
    /// </summary>
    private static bool TryGetDeclarationContext(BaseObjectCreationExpressionSyntax creation, out VariableDeclaratorSyntax? declarator, out SyntaxNode? removed)
    {
        declarator = null;
        removed = null;
        var expression = WalkUpParentheses(creation);
        if (expression.Parent is UsingStatementSyntax { Expression: { } usingExpression } && usingExpression == expression)
        {
            return false;
        }

        if (expression.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax variable }
            || variable.Parent is not VariableDeclarationSyntax declaration)
        {
            return true;
        }

        var isUsing = declaration.Parent is UsingStatementSyntax || declaration.Parent is LocalDeclarationStatementSyntax { UsingKeyword.RawKind: not 0 };
        if (declaration.Variables.Count != 1)
        {
            // Replacing only the initializer would leave a using that disposes the shared client.
            return !isUsing;
        }

        if (declaration.Parent is LocalDeclarationStatementSyntax statement && !statement.Modifiers.Any(SyntaxKind.ConstKeyword)
            && statement.Parent is BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax)
        {
            declarator = variable;
            removed = statement;
            return true;
        }

        if (declaration.Parent is UsingStatementSyntax usingStatement)
        {
            declarator = variable;
            removed = usingStatement;
            return true;
        }

        return !isUsing;
    }

    private static SyntaxNode WalkUpParentheses(SyntaxNode node)
    {
        while (node.Parent is ParenthesizedExpressionSyntax parenthesized)
        {
            node = parenthesized;
        }

        return node;
    }

    /// <summary>Whether <paramref name="parent"/> disposes <paramref name="value"/>: <c>using (value)</c>, <c>value.Dispose()</c>, <c>value.DisposeAsync()</c>.</summary>
    internal static bool Disposes(SyntaxNode? parent, SyntaxNode value) =>
        parent is UsingStatementSyntax
        || (parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Dispose" or "DisposeAsync" } access && access.Expression == value);

    /// <summary>
    /// The uses of <paramref name="local"/> in its scope. Fails when a use would not survive the move: the local is reassigned,
    /// passed by reference, or disposed.
    /// </summary>
    private static bool TryFindReferences(SemanticModel model, SyntaxNode scope, ILocalSymbol local, out ImmutableArray<IdentifierNameSyntax> references, CancellationToken cancellationToken)
    {
        var builder = ImmutableArray.CreateBuilder<IdentifierNameSyntax>();
        foreach (var identifier in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (identifier.Identifier.ValueText != local.Name
                || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, local))
            {
                continue;
            }

            var parent = identifier.Parent;
            if (parent is AssignmentExpressionSyntax assignment && assignment.Left == identifier
                || parent is ArgumentSyntax { RefKindKeyword.RawKind: not 0 }
                || parent is PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax
                || Disposes(parent, identifier))
            {
                references = default;
                return false;
            }

            builder.Add(identifier);
        }

        references = builder.ToImmutable();
        return true;
    }

    private static bool TryGetConstructors(TypeDeclarationSyntax typeDeclaration, INamedTypeSymbol type, out ImmutableArray<ConstructorDeclarationSyntax> constructors)
    {
        constructors = ImmutableArray<ConstructorDeclarationSyntax>.Empty;
        if (typeDeclaration is not ClassDeclarationSyntax and not RecordDeclarationSyntax { ClassOrStructKeyword.RawKind: not (int)SyntaxKind.StructKeyword }
            || typeDeclaration.ParameterList is not null
            || type.DeclaringSyntaxReferences.Length != 1
            || type.IsStatic)
        {
            return false;
        }

        var builder = ImmutableArray.CreateBuilder<ConstructorDeclarationSyntax>();
        foreach (var constructor in typeDeclaration.Members.OfType<ConstructorDeclarationSyntax>())
        {
            if (constructor.Modifiers.Any(SyntaxKind.StaticKeyword))
            {
                continue;
            }

            if (constructor.Body is null)
            {
                return false;
            }

            if (constructor.Initializer is { ThisOrBaseKeyword.RawKind: (int)SyntaxKind.ThisKeyword })
            {
                continue;
            }

            builder.Add(constructor);
        }

        constructors = builder.ToImmutable();
        return true;
    }

    private static TypeSyntax TypeName(SemanticModel model, ITypeSymbol type, TypeDeclarationSyntax typeDeclaration) =>
        SyntaxFactory.ParseTypeName(type.ToMinimalDisplayString(model, typeDeclaration.OpenBraceToken.SpanStart + 1));

    private static string UniqueName(SemanticModel model, SyntaxNode creation, TypeDeclarationSyntax typeDeclaration, ILocalSymbol? local, string baseName)
    {
        var identifiersInType = new HashSet<string>(
            typeDeclaration.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText),
            StringComparer.Ordinal);

        foreach (var candidate in Candidates(baseName))
        {
            if (SyntaxFacts.GetKeywordKind(candidate) != SyntaxKind.None)
            {
                continue;
            }

            var taken = (identifiersInType.Contains(candidate) && (local is null || candidate != local.Name))
                || model.LookupSymbols(creation.SpanStart, name: candidate).Any(s => !SymbolEqualityComparer.Default.Equals(s, local));
            if (!taken)
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("unreachable");
    }

    private static IEnumerable<string> Candidates(string baseName)
    {
        yield return baseName;
        var shared = baseName.StartsWith("_", StringComparison.Ordinal) ? "_shared" + Pascal(baseName.Substring(1)) : "Shared" + baseName;
        yield return shared;
        for (var i = 2; ; i++)
        {
            yield return baseName + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private static string StripAmazonPrefix(string typeName) =>
        typeName.Length > "Amazon".Length && typeName.StartsWith("Amazon", StringComparison.Ordinal) && char.IsUpper(typeName["Amazon".Length])
            ? typeName.Substring("Amazon".Length)
            : typeName;

    private static string Pascal(string name)
    {
        name = name.TrimStart('_', '@');
        if (name.StartsWith("s_", StringComparison.Ordinal) || name.StartsWith("m_", StringComparison.Ordinal))
        {
            name = name.Substring(2);
        }

        return name.Length == 0 ? "Client" : char.ToUpperInvariant(name[0]) + name.Substring(1);
    }

    private static string Camel(string name)
    {
        var pascal = Pascal(name);
        return char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
    }
}
