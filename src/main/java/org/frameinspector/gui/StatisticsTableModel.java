package org.frameinspector.gui;

import javax.swing.table.AbstractTableModel;

/** A read-only table model with fixed column names (the tables of Follow Stream, Statistics and Connections). */
abstract class StatisticsTableModel extends AbstractTableModel {
    private final String[] columns;

    StatisticsTableModel(String... columns) {
        this.columns = columns.clone();
    }

    @Override
    public final int getColumnCount() {
        return columns.length;
    }

    @Override
    public final String getColumnName(int c) {
        return columns[c];
    }
}
