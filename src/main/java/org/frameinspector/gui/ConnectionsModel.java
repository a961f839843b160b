package org.frameinspector.gui;

import java.util.ArrayList;
import java.util.List;
import org.frameinspector.core.stream.Conversation;

/** One row per transport connection (the same rows as the {@code conversations} command). */
final class ConnectionsModel extends StatisticsTableModel {
    private List<Conversation> rows = new ArrayList<>();

    ConnectionsModel() {
        super("#", "A (initiator)", "B", "Frames", "TSAPs (calling > called)", "TPDU size", "Class", "TPDUs", "Ended",
                "Findings");
    }

    void setRows(List<Conversation> r) {
        rows = r == null ? new ArrayList<>() : new ArrayList<>(r);
        fireTableDataChanged();
    }

    /** The rows shown (a copy), as the HTML report's connections summary. */
    List<Conversation> rows() {
        return List.copyOf(rows);
    }

    Conversation at(int row) {
        return rows.get(row);
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }

    static String nz(String s) {
        return s == null || s.isEmpty() ? "–" : s;
    }

    /** "calling > called", a dash without CR (also the Conversations window's cells). */
    static String tsaps(Conversation x) {
        return x.callingTsap() == null && x.calledTsap() == null ? "–" : nz(x.callingTsap()) + " > " + nz(x.calledTsap());
    }

    static String tpdus(Conversation x) {
        return x.tpkt() ? nz(x.tpduSummary()) : "not TPKT";
    }

    static String ended(Conversation x) {
        return x.endSummary() + (x.note().isEmpty() ? "" : " (" + x.note() + ")");
    }

    @Override
    public Object getValueAt(int r, int c) {
        Conversation x = rows.get(r);
        return switch (c) {
            case 0 -> x.index();
            case 1 -> x.endpointA();
            case 2 -> x.endpointB();
            case 3 -> x.frames() + " (" + x.firstFrame() + "–" + x.lastFrame() + ")";
            case 4 -> tsaps(x);
            case 5 -> x.tpduSize() < 0 ? "–" : Integer.toString(x.tpduSize());
            case 6 -> x.cotpClass() < 0 ? "–" : Integer.toString(x.cotpClass());
            case 7 -> tpdus(x);
            case 8 -> ended(x);
            case 9 -> nz(x.findingSummary());
            default -> "";
        };
    }
}
