package org.frameinspector.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.frameinspector.core.filter.FieldRegistry;
import org.frameinspector.core.model.ProtocolDef;
import org.frameinspector.core.protocols.FieldReference;
import org.frameinspector.core.protocols.Protocols;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "fields", description = "Print the display-filter field reference (every protocol and field, as Markdown).")
public final class FieldsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<ProtocolDef> all = new ArrayList<>(Protocols.standard().declarations());
        all.add(FieldRegistry.FINDING);
        spec.commandLine().getOut().print(FieldReference.markdown(all));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
