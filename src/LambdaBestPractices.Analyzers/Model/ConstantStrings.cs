using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using LambdaBestPractices.Analyzers.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaBestPractices.Analyzers.Model;

/// <summary>A string fixed in the source, and where it is written: the expression a diagnostic and a fix sit on.</summary>
internal sealed class ConstantString
{
    public ConstantString(string value, SyntaxNode node, INamedTypeSymbol? ownerType)
    {
        Value = value;
        Node = node;
        OwnerType = ownerType;
    }

    /// <summary>The string's value.</summary>
    public string Value { get; }

    /// <summary>The literal, or the constant expression (concatenation, interpolation, a <c>const</c>'s whole initializer).</summary>
    public SyntaxNode Node { get; }

    /// <summary>The type whose declaration holds <see cref="Node"/>.</summary>
    public INamedTypeSymbol? OwnerType { get; }
}

/// <summary>
/// The package's one definition of "a constant string", shared by every rule and fix (one instance per compilation,
/// <see cref="LambdaCompilation.Constants"/>): a value followed back to a string fixed in the source. A literal, a
/// <c>const</c> (field or local), <c>nameof</c>, a <c>readonly</c> field or get-only property initialized with a literal and
/// not assigned in a constructor, a field or auto-property only its type can write that is written exactly once, with a
/// literal, in a constructor (<c>_bucket = "orders";</c>), an expression-bodied property returning a literal, a local
/// written exactly once, and concatenations and interpolations of those. Anything else (parameters, environment reads, <c>??</c> fallbacks,
/// conditionals, calls, options objects) is not constant. Cost: the few operations of the value, the body's
/// <see cref="BodyFacts"/> (collected once per body for every rule), and one syntax pass per type the first time one of
/// its members is asked about.
/// </summary>
internal sealed class ConstantStrings
{
    private const int MaxDepth = 8;

    private readonly ConcurrentDictionary<ISymbol, MemberWrites> _writes = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// The constant string <paramref name="value"/> is, and where it is written (<paramref name="currentType"/>: the type
    /// whose code holds <paramref name="value"/>, the owner of a literal written there), or null.
    /// </summary>
    public ConstantString? Resolve(IOperation? value, INamedTypeSymbol? currentType, CancellationToken cancellationToken) =>
        value is null ? null : Resolve(value, currentType, 0, cancellationToken);

    /// <summary>The constant string <paramref name="operation"/> is (see <see cref="Resolve(IOperation?, INamedTypeSymbol?, CancellationToken)"/>). The literal <c>null</c> is not a string.</summary>
    public bool TryGet(IOperation? operation, out string value, CancellationToken cancellationToken)
    {
        var constant = Resolve(operation, currentType: null, cancellationToken);
        value = constant?.Value ?? string.Empty;
        return constant is not null;
    }

    /// <summary>A constant, non-empty string (see <see cref="TryGet"/>).</summary>
    public bool IsNonEmpty(IOperation? operation, CancellationToken cancellationToken) =>
        Resolve(operation, currentType: null, cancellationToken) is { Value.Length: > 0 };

    private ConstantString? Resolve(IOperation operation, INamedTypeSymbol? currentType, int depth, CancellationToken cancellationToken)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        operation = operation.WalkDownConversion();
        switch (operation)
        {
            case IFieldReferenceOperation { Field: { } field }:
                return FromField(field, operation, currentType, cancellationToken);

            case IPropertyReferenceOperation { Property: { } property }:
                return FromProperty(property, cancellationToken);

            case ILocalReferenceOperation { Local: { } local }:
                if (local.IsConst)
                {
                    return local.ConstantValue is string constant && InitializerOf(local.DeclaringSyntaxReferences, cancellationToken) is { } initializer
                        ? new ConstantString(constant, initializer, currentType)
                        : null;
                }

                return SingleWrite(operation, local) is { } written ? Resolve(written, currentType, depth + 1, cancellationToken) : null;

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } binary:
                if (binary.ConstantValue is { HasValue: true, Value: string folded })
                {
                    return new ConstantString(folded, binary.Syntax, currentType);
                }

                return Resolve(binary.LeftOperand, currentType, depth + 1, cancellationToken) is { } left
                    && Resolve(binary.RightOperand, currentType, depth + 1, cancellationToken) is { } right
                    ? new ConstantString(left.Value + right.Value, binary.Syntax, currentType)
                    : null;

            case IInterpolatedStringOperation interpolated:
                return FromInterpolation(interpolated, currentType, depth, cancellationToken);

            default:
                // Literals and other constant expressions (`nameof(Orders)`).
                return operation.ConstantValue is { HasValue: true, Value: string text } && operation.Type?.SpecialType == SpecialType.System_String
                    ? new ConstantString(text, operation.Syntax, currentType)
                    : null;
        }
    }

    private ConstantString? FromField(IFieldSymbol field, IOperation reference, INamedTypeSymbol? currentType, CancellationToken cancellationToken)
    {
        if (field.Type.SpecialType != SpecialType.System_String)
        {
            return null;
        }

        if (field.IsConst)
        {
            if (field.ConstantValue is not string constant)
            {
                return null;
            }

            // A constant of a referenced assembly has no declaration here: the use is what the user can change.
            return field.DeclaringSyntaxReferences.IsEmpty
                ? new ConstantString(constant, reference.Syntax, currentType)
                : InitializerOf(field.DeclaringSyntaxReferences, cancellationToken) is { } initializer
                    ? new ConstantString(constant, initializer, field.ContainingType)
                    : null;
        }

        if (field.IsReadOnly
            && InitializerOf(field.DeclaringSyntaxReferences, cancellationToken) is LiteralExpressionSyntax literal
            && literal.IsKind(SyntaxKind.StringLiteralExpression)
            && !IsAssignedInConstructor(field, cancellationToken))
        {
            return new ConstantString(literal.Token.ValueText, literal, field.ContainingType);
        }

        // Written once, in a constructor: only the type can write a private or readonly field.
        return (field.IsReadOnly || field.DeclaredAccessibility == Accessibility.Private)
            && field.DeclaringSyntaxReferences.Length == 1
            && field.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer: null }
            && ConstructorLiteral(field, cancellationToken) is { } assigned
            ? new ConstantString(assigned.Token.ValueText, assigned, field.ContainingType)
            : null;
    }

    /// <summary>
    /// <c>string Bucket { get; } = "orders";</c> (not assigned in a constructor) and <c>string Bucket =&gt; "orders";</c>,
    /// when the property cannot be overridden.
    /// </summary>
    private ConstantString? FromProperty(IPropertySymbol property, CancellationToken cancellationToken)
    {
        // A setter others can call (a DTO's `{ get; set; }`, the SDK's models), or an init accessor, makes it no constant:
        // decided from the symbol, before its declaration is looked up (most properties handed around are such).
        if (property.Type.SpecialType != SpecialType.System_String || property.IsVirtual || property.IsOverride || property.IsAbstract || property.IsIndexer
            || property.SetMethod is { } openSetter && (openSetter.DeclaredAccessibility != Accessibility.Private || openSetter.IsInitOnly))
        {
            return null;
        }

        var references = property.DeclaringSyntaxReferences;
        if (references.Length != 1 || references[0].GetSyntax(cancellationToken) is not PropertyDeclarationSyntax declaration)
        {
            return null;
        }

        if (property.SetMethod is not null)
        {
            // `string Bucket { get; private set; }` (the only setter left here) written once, with a literal, in a constructor.
            return IsAutoProperty(declaration) && declaration.Initializer is null
                && ConstructorLiteral(property, cancellationToken) is { } assignedBySetter
                ? new ConstantString(assignedBySetter.Token.ValueText, assignedBySetter, property.ContainingType)
                : null;
        }

        if (declaration.Initializer is null && IsAutoProperty(declaration))
        {
            // `string Bucket { get; }` assigned once, with a literal, in a constructor.
            return ConstructorLiteral(property, cancellationToken) is { } assigned
                ? new ConstantString(assigned.Token.ValueText, assigned, property.ContainingType)
                : null;
        }

        if (declaration.ExpressionBody?.Expression is LiteralExpressionSyntax bodyLiteral && bodyLiteral.IsKind(SyntaxKind.StringLiteralExpression))
        {
            return new ConstantString(bodyLiteral.Token.ValueText, bodyLiteral, property.ContainingType);
        }

        return declaration.Initializer?.Value is LiteralExpressionSyntax literal
            && literal.IsKind(SyntaxKind.StringLiteralExpression)
            && !IsAssignedInConstructor(property, cancellationToken)
            ? new ConstantString(literal.Token.ValueText, literal, property.ContainingType)
            : null;
    }

    private ConstantString? FromInterpolation(IInterpolatedStringOperation interpolated, INamedTypeSymbol? currentType, int depth, CancellationToken cancellationToken)
    {
        if (interpolated.ConstantValue is { HasValue: true, Value: string folded })
        {
            return new ConstantString(folded, interpolated.Syntax, currentType);
        }

        var builder = new StringBuilder();
        foreach (var part in interpolated.Parts)
        {
            switch (part)
            {
                case IInterpolatedStringTextOperation { Text.ConstantValue: { HasValue: true, Value: string text } }:
                    builder.Append(text);
                    break;
                case IInterpolationOperation { Alignment: null, FormatString: null } hole:
                    if (Resolve(hole.Expression, currentType, depth + 1, cancellationToken) is { } resolved)
                    {
                        builder.Append(resolved.Value);
                    }
                    else if (hole.Expression.WalkDownConversion().ConstantValue is { HasValue: true, Value: int number })
                    {
                        builder.Append(number.ToString(CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        return null;
                    }

                    break;
                default:
                    return null;
            }
        }

        return new ConstantString(builder.ToString(), interpolated.Syntax, currentType);
    }

    private static ExpressionSyntax? InitializerOf(System.Collections.Immutable.ImmutableArray<SyntaxReference> references, CancellationToken cancellationToken) =>
        references.Length == 1 && references[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } value } ? value : null;

    /// <summary>
    /// Whether a constructor of the member's type assigns it (by simple name or <c>this.</c>/type-qualified), which makes
    /// the initializer a default, not the value (<see cref="WritesOf"/>, erring towards "assigned"). Also LBP103's test for
    /// a <c>readonly TimeSpan</c> field's initializer.
    /// </summary>
    public bool IsAssignedInConstructor(ISymbol member, CancellationToken cancellationToken) => WritesOf(member, cancellationToken).AssignedInConstructor;

    /// <summary>
    /// The string literal <paramref name="member"/> is written with when its type's code writes it exactly once, in a statement
    /// of one of the type's own constructors (static for a static member; not inside a lambda or local function there), or
    /// null (<see cref="WritesOf"/>). The one write must be this instance's own (<c>_bucket = ...</c>, <c>this.Bucket = ...</c>,
    /// not an object initializer). A member with attributes (a serializer may set it) is never constant this way.
    /// </summary>
    private LiteralExpressionSyntax? ConstructorLiteral(ISymbol member, CancellationToken cancellationToken) =>
        member.GetAttributes().IsEmpty ? WritesOf(member, cancellationToken).OnlyConstructorLiteral : null;

    private static bool IsAutoProperty(PropertyDeclarationSyntax declaration) =>
        declaration.ExpressionBody is null
        && declaration.AccessorList is { } accessors
        && accessors.Accessors.All(a => a.Body is null && a.ExpressionBody is null);

    /// <summary>What the type's code writes to a member, from one syntax pass over the type, once per member.</summary>
    private readonly struct MemberWrites
    {
        public MemberWrites(bool assignedInConstructor, LiteralExpressionSyntax? onlyConstructorLiteral)
        {
            AssignedInConstructor = assignedInConstructor;
            OnlyConstructorLiteral = onlyConstructorLiteral;
        }

        /// <summary>An assignment or <c>ref</c>/<c>out</c> argument naming the member inside some constructor of the type.</summary>
        public bool AssignedInConstructor { get; }

        /// <summary>The string literal of the member's only write, when that write is in one of the type's own constructors.</summary>
        public LiteralExpressionSyntax? OnlyConstructorLiteral { get; }
    }

    /// <summary>
    /// One pass over the syntax of the member's type: every assignment, <c>ref</c>/<c>out</c> argument or <c>ref</c> alias,
    /// increment or deconstruction naming the member (by simple name or any qualifier) counts as a write, so a local or
    /// another type's member of the same name only makes the member less constant.
    /// </summary>
    private MemberWrites WritesOf(ISymbol member, CancellationToken cancellationToken) =>
        _writes.GetOrAdd(member, m =>
        {
            LiteralExpressionSyntax? literal = null;
            var writes = 0;
            var assignedInConstructor = false;
            foreach (var reference in m.ContainingType.DeclaringSyntaxReferences)
            {
                var typeDeclaration = reference.GetSyntax(cancellationToken);
                foreach (var node in typeDeclaration.DescendantNodes())
                {
                    var (target, value) = node switch
                    {
                        AssignmentExpressionSyntax assignment => (assignment.Left, assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) ? assignment.Right : null),
                        ArgumentSyntax { RefKindKeyword.RawKind: not 0 } argument => (argument.Expression, null),
                        PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression } unary => (unary.Operand, null),
                        PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression or (int)SyntaxKind.PostDecrementExpression } unary => (unary.Operand, null),
                        RefExpressionSyntax refAlias => (refAlias.Expression, null),
                        _ => ((ExpressionSyntax?)null, (ExpressionSyntax?)null),
                    };
                    var named = Names(target, m.Name);
                    if (!named && !(node is AssignmentExpressionSyntax { Left: TupleExpressionSyntax or DeclarationExpressionSyntax } && Mentions(((AssignmentExpressionSyntax)node).Left, m.Name)))
                    {
                        continue;
                    }

                    // What makes an initializer a default: an assignment or ref/out argument in any constructor.
                    assignedInConstructor |= named && node is AssignmentExpressionSyntax or ArgumentSyntax && node.FirstAncestorOrSelf<ConstructorDeclarationSyntax>() is not null;

                    // This instance's own write (`_bucket = ...`, `this.Bucket = ...`), not another object's initializer.
                    literal = ++writes == 1
                        && value is LiteralExpressionSyntax text && text.IsKind(SyntaxKind.StringLiteralExpression)
                        && target is IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax }
                        && node.Parent is not InitializerExpressionSyntax
                        && InConstructorBody(node, typeDeclaration, m.IsStatic)
                        ? text
                        : null;
                }
            }

            return new MemberWrites(assignedInConstructor, writes == 1 ? literal : null);
        });

    private static bool Names(ExpressionSyntax? target, string name) => target switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText == name,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText == name,
        _ => false,
    };

    private static bool Mentions(ExpressionSyntax target, string name) =>
        target.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(i => i.Identifier.ValueText == name);

    /// <summary>Whether <paramref name="node"/> runs once, in a constructor of <paramref name="typeDeclaration"/> itself.</summary>
    private static bool InConstructorBody(SyntaxNode node, SyntaxNode typeDeclaration, bool isStatic)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case ConstructorDeclarationSyntax constructor:
                    return constructor.Parent == typeDeclaration && constructor.Modifiers.Any(SyntaxKind.StaticKeyword) == isStatic;
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }

    /// <summary>The one value written to <paramref name="local"/> in its member body (<see cref="BodyFacts"/>).</summary>
    private static IOperation? SingleWrite(IOperation reference, ILocalSymbol local) => BodyFacts.Of(reference).SingleValue(local);
}
