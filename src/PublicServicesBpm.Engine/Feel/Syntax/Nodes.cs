namespace PublicServicesBpm.Engine.Feel.Syntax;

// The syntax tree. Every node keeps the position of its first token for error messages.
internal abstract record Node(int Position);

internal sealed record LiteralNode(FeelValue Value, int Position) : Node(Position);

internal sealed record NameNode(string Name, int Position) : Node(Position);

internal sealed record PathNode(Node Target, string Name, int Position) : Node(Position);

internal sealed record FilterNode(Node Target, Node Filter, int Position) : Node(Position);

internal sealed record Argument(string? Name, Node Value);

internal sealed record CallNode(Node Callee, IReadOnlyList<Argument> Arguments, int Position) : Node(Position);

internal sealed record NegateNode(Node Operand, int Position) : Node(Position);

internal enum BinaryOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Power,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

internal sealed record BinaryNode(BinaryOperator Operator, Node Left, Node Right, int Position) : Node(Position);

internal sealed record AndNode(Node Left, Node Right, int Position) : Node(Position);

internal sealed record OrNode(Node Left, Node Right, int Position) : Node(Position);

internal sealed record BetweenNode(Node Value, Node Low, Node High, int Position) : Node(Position);

/// <summary>One positive unary test after "in": a comparison such as "&lt; 5", or a value, list or range.</summary>
internal sealed record UnaryTest(BinaryOperator? Comparison, Node Operand);

internal sealed record InNode(Node Value, IReadOnlyList<UnaryTest> Tests, int Position) : Node(Position);

internal sealed record InstanceOfNode(Node Value, string TypeName, int Position) : Node(Position);

internal sealed record IfNode(Node Condition, Node Then, Node Else, int Position) : Node(Position);

/// <summary>"name in domain" inside for/some/every; <see cref="RangeEnd"/> is set for "i in 1..3".</summary>
internal sealed record Iteration(string Name, Node Domain, Node? RangeEnd);

internal sealed record ForNode(IReadOnlyList<Iteration> Iterations, Node Result, int Position) : Node(Position);

internal sealed record QuantifiedNode(bool Every, IReadOnlyList<Iteration> Iterations, Node Condition, int Position) : Node(Position);

internal sealed record ListNode(IReadOnlyList<Node> Items, int Position) : Node(Position);

internal sealed record ContextEntryNode(string Key, Node Value);

internal sealed record ContextNode(IReadOnlyList<ContextEntryNode> Entries, int Position) : Node(Position);

internal sealed record RangeNode(bool StartIncluded, Node Start, Node End, bool EndIncluded, int Position) : Node(Position);

internal sealed record FunctionDefinitionNode(IReadOnlyList<string> Parameters, Node Body, int Position) : Node(Position);
