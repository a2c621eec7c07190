package org.policygraph.limits;

import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.language.OperationDefinition;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;

/**
 * What a parsed document asks for before it is validated: validation compares fields
 * pairwise, so a document full of aliases or directives is refused before it gets that
 * far.
 *
 * @param operations the operations it defines
 * @param aliases the aliased fields, in operations and fragments alike
 * @param directives the directives used anywhere in it
 */
record DocumentCounts(int operations, int aliases, int directives) {

	static DocumentCounts of(Document document) {
		int[] counts = new int[3];
		new NodeTraverser().preOrder(new NodeVisitorStub() {

			@Override
			public TraversalControl visitOperationDefinition(OperationDefinition node, TraverserContext<Node> context) {
				counts[0]++;
				return TraversalControl.CONTINUE;
			}

			@Override
			public TraversalControl visitField(Field node, TraverserContext<Node> context) {
				if (node.getAlias() != null) {
					counts[1]++;
				}
				return TraversalControl.CONTINUE;
			}

			@Override
			public TraversalControl visitDirective(Directive node, TraverserContext<Node> context) {
				counts[2]++;
				return TraversalControl.CONTINUE;
			}

		}, document);
		return new DocumentCounts(counts[0], counts[1], counts[2]);
	}

}
