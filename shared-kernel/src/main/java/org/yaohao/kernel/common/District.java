package org.yaohao.kernel.common;

/** The 16 districts of Beijing, each with a service centre counter (rule book, Channels). */
public enum District {
    DONGCHENG, XICHENG, CHAOYANG, FENGTAI, SHIJINGSHAN, HAIDIAN, MENTOUGOU, FANGSHAN,
    TONGZHOU, SHUNYI, CHANGPING, DAXING, HUAIROU, PINGGU, MIYUN, YANQING
}
