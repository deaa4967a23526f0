using System.Collections.Generic;
using LambdaBestPractices.Analyzers.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaBestPractices.Analyzers.Model;

/// <summary>How an object initializer member gives its value (<see cref="ObjectMembers"/>).</summary>
internal enum MemberWriteKind
{
    /// <summary><c>Key = value</c> (in an initializer), <c>request.Key = value;</c> (on the local).</summary>
    Assignment,

    /// <summary><c>Item = { ["pk"] = ... }</c>: a nested initializer; <see cref="MemberWrite.Value"/> is that initializer.</summary>
    NestedInitializer,

    /// <summary>Another initializer form (<c>Count += 1</c>, <c>Name ??= x</c>): the member's value cannot be read from it.</summary>
    Other,
}

/// <summary>One value given to a member of an object.</summary>
internal readonly struct MemberWrite
{
    public MemberWrite(MemberWriteKind kind, ISymbol? member, IOperation? value)
    {
        Kind = kind;
        Member = member;
        Value = value;
    }

    public MemberWriteKind Kind { get; }

    /// <summary>The member written (null for <see cref="MemberWriteKind.Other"/> forms that name none).</summary>
    public ISymbol? Member { get; }

    /// <summary>The value written, or the nested initializer (null for <see cref="MemberWriteKind.Other"/>).</summary>
    public IOperation? Value { get; }

    /// <summary>A plain assignment of a (non-indexer) property named <paramref name="name"/>.</summary>
    public bool AssignsProperty(string name) => Kind == MemberWriteKind.Assignment && Member is IPropertySymbol { IsIndexer: false } property && property.Name == name;

    /// <summary>A plain assignment of a (non-indexer) property whose name is one of <paramref name="names"/>.</summary>
    public bool AssignsPropertyIn(string[] names) => Kind == MemberWriteKind.Assignment && Member is IPropertySymbol { IsIndexer: false } property && System.Array.IndexOf(names, property.Name) >= 0;
}

/// <summary>
/// The one reader of what an object, most often an SDK request, is given: the members of its object initializer and the
/// statements that assign members of the local holding it, in source order. Every rule that reads a request (LBP201's
/// target, LBP202's key and condition, LBP204's invocation type, a queue URL's queue name) reads it here and decides for
/// itself what the writes mean (the last one, the only one, all of them).
/// </summary>
internal static class ObjectMembers
{
    /// <summary>The members of <paramref name="creation"/>'s object initializer, in order (none without an initializer).</summary>
    public static IEnumerable<MemberWrite> InInitializer(IObjectCreationOperation creation)
    {
        if (creation.Initializer is not { } initializer)
        {
            yield break;
        }

        foreach (var member in initializer.Initializers)
        {
            switch (member)
            {
                case ISimpleAssignmentOperation { Target: IMemberReferenceOperation { Member: { } target } } assignment:
                    yield return new MemberWrite(MemberWriteKind.Assignment, target, assignment.Value);
                    break;
                case IMemberInitializerOperation { InitializedMember: IMemberReferenceOperation { Member: { } target }, Initializer: { } nested }:
                    yield return new MemberWrite(MemberWriteKind.NestedInitializer, target, nested);
                    break;
                case ICompoundAssignmentOperation or ICoalesceAssignmentOperation or IMemberInitializerOperation:
                    yield return new MemberWrite(MemberWriteKind.Other, null, null);
                    break;
            }
        }
    }

    /// <summary>The statements <c>local.Member = value</c> in the body <paramref name="root"/> is part of, in order.</summary>
    public static IEnumerable<MemberWrite> OnLocal(IOperation root, ILocalSymbol local)
    {
        foreach (var reference in BodyFacts.Of(root).References(local))
        {
            if (reference.Parent is IMemberReferenceOperation { Member: { } target } member && member.Instance == reference
                && member.Parent is ISimpleAssignmentOperation assignment && assignment.Target == member)
            {
                yield return new MemberWrite(MemberWriteKind.Assignment, target, assignment.Value);
            }
        }
    }
}
